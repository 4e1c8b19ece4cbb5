// Rules that fire when a lexicon phrase occurs: the content categories
// (SHAFT, cannabis, gambling, ...), prize, urgency and promotional language,
// phishing lures, embedded phone numbers, money symbols. Which phrases and
// which rules is data: every rule with "hit" patterns in
// data/content/lexicons/ is a presence rule unless it is one of the
// absence rules below (they fire when their phrase is missing).
#include <string>

#include "base/utf16_span.h"
#include "content/content_checks.h"
#include "content/lexicon.h"

namespace smslint::internal {

Span ContentContext::BodySpan(size_t begin, size_t end) const {
  // Walks the body up to the span: spans are few.
  return base::Utf16Span(body, begin, end);
}

std::optional<PhraseMatch> FirstOccurrence(const ContentContext& c,
                                           std::string_view rule,
                                           std::string_view role) {
  std::optional<PhraseMatch> first;
  c.AnyHit(rule, role, [&](int i) {
    const std::optional<PhraseMatch> m = c.phrases.FindFirst(i, c.view.words());
    if (m && (!first || m->begin < first->begin)) first = m;
    return false;  // every one
  });
  return first;
}

namespace {

bool IsAbsenceRule(std::string_view rule) {
  return rule == "content/missing-help-instructions" ||
         rule == "content/missing-data-rates-disclosure" ||
         rule == "content/missing-frequency-disclosure" ||
         rule == "content/missing-opt-out" || rule == "content/missing-sender-id";
}

}  // namespace

void CheckLexiconRules(const ContentContext& c) {
  // Rules in data order, each once.
  std::vector<std::string_view> done;
  for (int i : c.hits) {
    const LexiconPattern& p = kLexiconPatterns[i];
    if (IsAbsenceRule(p.rule)) continue;
    if (std::find(done.begin(), done.end(), p.rule) != done.end()) continue;
    std::optional<PhraseMatch> m;
    if (p.rule == "content/phishing-lure") {
      // A lure is phishing when it comes with a link; a request for
      // credentials is, link or not.
      m = FirstOccurrence(c, p.rule, "credential");
      if (!c.urls.urls.empty()) {
        std::optional<PhraseMatch> lure = FirstOccurrence(c, p.rule, "lure");
        if (lure && (!m || lure->begin < m->begin)) m = lure;
      }
    } else if (p.role == "hit") {
      if ((p.rule_id == rule::kContentUrgencyLanguage ||
           p.rule_id == rule::kContentExpiryPressure) &&
          c.KindIs(MessageKind::kOtp)) {
        continue;  // an OTP's expiry line is not pressure
      }
      m = FirstOccurrence(c, p.rule, "hit");
    } else {
      continue;
    }
    if (!m) continue;
    done.push_back(p.rule);
    // The phrase as written in the body ("u have won"), not as read.
    const size_t b = c.view.WordsToBody(m->begin), e = c.view.WordsToBody(m->end);
    c.emit(p.rule_id, "body", c.BodySpan(b, e), {{"match", std::string(c.body.substr(b, e - b))}});
  }
}

}  // namespace smslint::internal
