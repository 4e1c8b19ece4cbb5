// The content-risk engines, built once per Linter (immutable, thread-safe):
// the lexicon pattern set, the owned-domain and extra-shortener host sets.
#ifndef SMSLINT_SRC_CONTENT_CONTENT_ENGINE_H_
#define SMSLINT_SRC_CONTENT_CONTENT_ENGINE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "content/phrase_engine.h"
#include "content/urls.h"
#include "internal/body_rules.h"
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

  // Reports the content rules that fire on `message`. `high_weight` gives a
  // graded rule's higher weight after the Linter's weight overrides.
  // `severity_overridden` is per rule (index in AllRules()).
  void Check(const Message& message, const SegmentInfo& segments,
             const Emit& emit,
             const std::function<double(std::string_view)>& high_weight,
             const std::vector<bool>& severity_overridden) const;

 private:
  const PhraseEngine& phrases_;
  HostSet owned_domains_;
  HostSet extra_shorteners_;
  std::string brand_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_CONTENT_ENGINE_H_
