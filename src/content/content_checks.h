// What the content rule engines share: the message, the text views, the
// lexicon scan, and how to report. Each engine file (optout_rules.cc,
// url_rules.cc, text_rules.cc, lexicon_rules.cc) reports every rule at most
// once per message, as the score counts each rule once.
#ifndef SMSLINT_SRC_CONTENT_CONTENT_CHECKS_H_
#define SMSLINT_SRC_CONTENT_CONTENT_CHECKS_H_

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "content/lexical_view.h"
#include "content/lexicon.h"
#include "content/phrase_engine.h"
#include "content/urls.h"
#include "rules/emit.h"
#include "smslint/message.h"
#include "smslint/segments.h"

namespace smslint::internal {

struct ContentContext {
  const Message& message;
  std::string_view body;
  const SegmentInfo& segments;
  const UrlScan& urls;
  const LexicalView& view;
  const std::vector<int>& hits;  // scanning patterns that occur in view.words()
  const PhraseEngine& phrases;
  const Emit& emit;
  std::string_view brand;        // Message::brand, else Options::brand
  const HostSet& owned_domains;          // Options::owned_domains
  const HostSet* message_owned_domains;  // Message::owned_domains, or null
  const HostSet& extra_shorteners;
  std::string_view default_region;  // Options::default_region
  bool fast_numbers;                // Options::fast_numbers

  bool Owned(std::string_view host) const {
    return !owned_domains.Match(host).empty() ||
           (message_owned_domains != nullptr && !message_owned_domains->Match(host).empty());
  }

  bool Occurs(int pattern) const {
    return std::binary_search(hits.begin(), hits.end(), pattern);
  }
  // Calls f(index) for each scanning pattern of (rule, role) that occurs,
  // ascending, until f returns true; returns whether one did. The hits
  // are few: filtering them beats looking the role up and searching the
  // hits for each of its patterns.
  template <typename F>
  bool AnyHit(std::string_view rule, std::string_view role, F&& f) const {
    for (int i : hits) {
      const LexiconPattern& p = kLexiconPatterns[i];
      if (p.rule == rule && p.role == role && f(i)) return true;
    }
    return false;
  }
  // Some pattern of (rule, role) occurs (for patterns with `unless`, an
  // occurrence outside them).
  bool AnyOccurs(std::string_view rule, std::string_view role) const {
    return AnyHit(rule, role, [&](int i) {
      return !phrases.HasUnless(i) || phrases.FindFirst(i, view.words()).has_value();
    });
  }
  // A body span from view.text() offsets.
  Span ViewSpan(size_t begin, size_t end) const {
    return BodySpan(view.ToBody(begin), view.ToBody(end));
  }
  // A body span from view.words() offsets (what the phrase lexicons scan).
  Span WordsSpan(size_t begin, size_t end) const {
    return BodySpan(view.WordsToBody(begin), view.WordsToBody(end));
  }
  Span BodySpan(size_t begin, size_t end) const;
  bool KindIs(MessageKind k) const { return message.kind == k; }
};

// The first occurrence (in the view) of any pattern of (rule, role) that the
// scan found, with unless-covered occurrences dropped.
std::optional<PhraseMatch> FirstOccurrence(const ContentContext& c,
                                           std::string_view rule,
                                           std::string_view role);

void CheckOptOutRules(const ContentContext& c);     // optout_rules.cc
void CheckDisclosureRules(const ContentContext& c); // optout_rules.cc
void CheckSenderId(const ContentContext& c);        // optout_rules.cc
void CheckUrlRules(const ContentContext& c);        // url_rules.cc
// The reason content/deceptive-url gives for `host` (normalised), or "".
std::string_view DeceptiveHostReason(const PhraseEngine& phrases,
                                     std::string_view host);  // url_rules.cc
void CheckTextRules(const ContentContext& c);       // text_rules.cc
void CheckLexiconRules(const ContentContext& c);    // lexicon_rules.cc
void CheckBodyNumberRules(const ContentContext& c); // body_number_rules.cc
void CheckStatisticalSignal(const ContentContext& c); // statistical_signal_rule.cc

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_CONTENT_CHECKS_H_
