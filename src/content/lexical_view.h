// The text the lexical rules read (docs/content.md, "How text is read"):
// the body with URLs and e-mail addresses blanked out and NFC-normalised
// (text()), and the same with text-speak tokens replaced by their words
// (words(): "u have won" reads "you have won"; data/content/lexicons/
// textspeak.toml). Case is left alone (patterns fold case themselves, RE2
// (?i)), so a rule that needs capitals ("HELP") can still see them. Offsets
// of either text map back to the body for spans.
#ifndef SMSLINT_SRC_CONTENT_LEXICAL_VIEW_H_
#define SMSLINT_SRC_CONTENT_LEXICAL_VIEW_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "content/urls.h"

namespace smslint::internal {

class LexicalView {
 public:
  // `body` must outlive the view (text() may be `body` itself).
  LexicalView(std::string_view body, const UrlScan& urls);
  ~LexicalView();
  LexicalView(const LexicalView&) = delete;
  LexicalView& operator=(const LexicalView&) = delete;

  // Blanked and NFC: what the text-shape rules measure.
  std::string_view text() const { return text_; }
  // text() (and so words()) is all ASCII: the phrase patterns' ASCII forms
  // apply, and the text-shape rules can read bytes as characters.
  bool ascii() const { return ascii_; }
  // The body offset of text() offset `offset` (a span's begin or end).
  size_t ToBody(size_t offset) const;

  // text() with text-speak replaced: what the phrase lexicons scan. The
  // same string as text() when the body has no text-speak.
  std::string_view words() const {
    return replaced_.empty() ? text_ : std::string_view(words_);
  }
  // The body offset of words() offset `offset`.
  size_t WordsToBody(size_t offset) const { return ToBody(WordsToText(offset)); }

 private:
  // One replaced token: where it is in words_ and in text_.
  struct Replacement {
    size_t words_begin, words_len, text_begin, text_len;
  };
  size_t WordsToText(size_t offset) const;
  void ReplaceTextSpeak();

  // The body itself when nothing was blanked and NFC changed nothing (most
  // bodies: no copy), else owned_.
  std::string_view text_;
  std::string owned_;
  bool ascii_ = false;
  std::string words_;  // set only when something was replaced
  std::vector<Replacement> replaced_;
  // Set only when NFC changed the text (decomposed accents, rare in SMS).
  struct Edits;
  std::unique_ptr<Edits> edits_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_LEXICAL_VIEW_H_
