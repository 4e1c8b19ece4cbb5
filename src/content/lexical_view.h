// The text the lexical rules read (docs/content.md, "How text is read"):
// the body with URLs and e-mail addresses blanked out and NFC-normalised.
// Case is left alone (patterns fold case themselves, RE2 (?i)), so a rule
// that needs capitals ("HELP") can still see them. Offsets map back to the
// body for spans.
#ifndef SMSLINT_SRC_CONTENT_LEXICAL_VIEW_H_
#define SMSLINT_SRC_CONTENT_LEXICAL_VIEW_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "content/urls.h"

namespace smslint::internal {

class LexicalView {
 public:
  LexicalView(std::string_view body, const UrlScan& urls);
  ~LexicalView();

  std::string_view text() const { return text_; }
  // The body offset of view offset `offset` (a span's begin or end).
  size_t ToBody(size_t offset) const;

 private:
  std::string text_;
  // Set only when NFC changed the text (decomposed accents, rare in SMS).
  struct Edits;
  std::unique_ptr<Edits> edits_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_LEXICAL_VIEW_H_
