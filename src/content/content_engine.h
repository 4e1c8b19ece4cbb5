// The content-risk engines, built once per Linter (immutable, thread-safe):
// the lexicon pattern set, the owned-domain and extra-shortener host sets.
#ifndef SMSLINT_SRC_CONTENT_CONTENT_ENGINE_H_
#define SMSLINT_SRC_CONTENT_CONTENT_ENGINE_H_

#include <string>
#include <string_view>
#include <vector>

#include "content/phrase_engine.h"
#include "content/urls.h"
#include "rules/emit.h"
#include "smslint/linter.h"
#include "smslint/message.h"
#include "smslint/segments.h"

namespace smslint::internal {

class ContentEngine {
 public:
  // `compile_lexicons` false (the content area is disabled) leaves the
  // process-wide lexicon compile to the first CheckHost that needs it, so
  // a Linter without content rules does not pay for it up front.
  explicit ContentEngine(const Options& options, bool compile_lexicons = true);

  // "" when the engine is usable; else why not (a lexicon that does not
  // compile: a build defect, checked by a test).
  const std::string& error() const;

  // Reports the content rules that fire on `message`.
  void Check(const Message& message, const SegmentInfo& segments,
             const Emit& emit) const;

  // The link checks of the content rules for one host outside the body (a
  // media URL's): the public-shortener entry it matches and the
  // deceptive-url reason, each "" when none; owned domains are exempt.
  struct HostVerdict {
    std::string shortener;
    std::string deceptive;
  };
  HostVerdict CheckHost(const Message& message, std::string_view host) const;

 private:
  const PhraseEngine& phrases() const;
  const PhraseEngine* phrases_;  // null until needed (compile_lexicons false)
  HostSet owned_domains_;
  HostSet extra_shorteners_;
  std::string brand_;
  std::string default_region_;
  bool fast_numbers_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_CONTENT_ENGINE_H_
