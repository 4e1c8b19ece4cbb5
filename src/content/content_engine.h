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
  explicit ContentEngine(const Options& options);

  // "" when the engine is usable; else why not (a lexicon that does not
  // compile: a build defect, checked by a test).
  const std::string& error() const { return phrases_.error(); }

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
  const PhraseEngine& phrases_;
  HostSet owned_domains_;
  HostSet extra_shorteners_;
  std::string brand_;
  std::string default_region_;
  bool fast_numbers_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_CONTENT_ENGINE_H_
