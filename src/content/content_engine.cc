#include "content/content_engine.h"

#include "content/content_checks.h"
#include "content/lexical_view.h"

#include <optional>

namespace smslint::internal {

ContentEngine::ContentEngine(const Options& options, bool compile_lexicons)
    : phrases_(compile_lexicons ? &PhraseEngine::Get() : nullptr),
      brand_(options.brand),
      default_region_(options.default_region),
      fast_numbers_(options.fast_numbers) {
  for (const std::string& host : options.owned_domains) owned_domains_.Add(host);
  for (const std::string& host : options.extra_shorteners) {
    extra_shorteners_.Add(host);
  }
}

const PhraseEngine& ContentEngine::phrases() const {
  // PhraseEngine::Get compiles once per process, thread-safely.
  return phrases_ != nullptr ? *phrases_ : PhraseEngine::Get();
}

const std::string& ContentEngine::error() const {
  static const std::string kNone;
  return phrases_ != nullptr ? phrases_->error() : kNone;
}

void ContentEngine::Check(
    const Message& message, const SegmentInfo& segments, const Emit& emit) const {
  if (!error().empty()) return;
  const UrlScan urls = FindUrls(message.body);
  const LexicalView view(message.body, urls);
  const PhraseEngine& phrases = this->phrases();
  const std::vector<int> hits = phrases.Scan(view.words());
  // Per-message owned domains add to the configured ones (a small set of
  // their own: copying the configured set per message would cost more).
  std::optional<HostSet> message_owned;
  if (!message.owned_domains.empty()) {
    message_owned.emplace();
    for (const std::string& host : message.owned_domains) message_owned->Add(host);
  }
  const ContentContext c{message,
                         message.body,
                         segments,
                         urls,
                         view,
                         hits,
                         phrases,
                         emit,
                         message.brand.empty() ? std::string_view(brand_)
                                               : std::string_view(message.brand),
                         owned_domains_,
                         message_owned ? &*message_owned : nullptr,
                         extra_shorteners_,
                         default_region_,
                         fast_numbers_};
  CheckOptOutRules(c);
  CheckDisclosureRules(c);
  CheckSenderId(c);
  CheckUrlRules(c);
  CheckLexiconRules(c);
  CheckTextRules(c);
  CheckBodyNumberRules(c);
  CheckStatisticalSignal(c);
}

ContentEngine::HostVerdict ContentEngine::CheckHost(const Message& message,
                                                    std::string_view host) const {
  HostVerdict verdict;
  if (!error().empty() || host.empty()) return verdict;
  if (!owned_domains_.Match(host).empty()) return verdict;
  for (const std::string& owned : message.owned_domains) {
    HostSet one;
    one.Add(owned);
    if (!one.Match(host).empty()) return verdict;
  }
  std::string_view entry = PublicShorteners().Match(host);
  if (entry.empty()) entry = extra_shorteners_.Match(host);
  verdict.shortener = std::string(entry);
  verdict.deceptive = std::string(DeceptiveHostReason(phrases(), host));
  return verdict;
}

}  // namespace smslint::internal
