// Opt-out instructions (content/missing-opt-out, non-standard-opt-out-keyword,
// reserved-keyword-conflict), HELP and disclosure statements, and sender
// identification. The phrasings are data (data/content/lexicons/optout.toml);
// this file holds the logic (docs/content.md).
#include <string>
#include <vector>

#include "base/ascii.h"
#include "content/content_checks.h"
#include "content/lexicon.h"
#include "smslint/rules.h"

namespace smslint::internal {
namespace {

constexpr std::string_view kMissingOptOut = "content/missing-opt-out";
constexpr std::string_view kNonStandard = "content/non-standard-opt-out-keyword";
constexpr std::string_view kConflict = "content/reserved-keyword-conflict";

// Every occurrence of every scanned pattern of (rule, role).
std::vector<PhraseMatch> AllOf(const ContentContext& c, std::string_view rule,
                               std::string_view role) {
  std::vector<PhraseMatch> out;
  c.AnyHit(rule, role, [&](int i) {
    for (const PhraseMatch& m : c.phrases.FindAll(i, c.view.words())) {
      out.push_back(m);
    }
    return false;  // every one
  });
  std::sort(out.begin(), out.end(), [](const PhraseMatch& a, const PhraseMatch& b) {
    return a.begin < b.begin;
  });
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' ||
                        s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The purpose a keyword is offered for, cut where the next clause starts
// ("to end alerts or HELP for help" -> "end alerts").
std::string_view CutPurpose(const ContentContext& c, std::string_view purpose) {
  // Find the earliest cut: try every prefix length via the check pattern
  // would be quadratic; instead cut at the first character where the
  // remaining text starts with a cut. Purposes are short (one clause).
  for (size_t i = 0; i < purpose.size(); ++i) {
    const char ch = purpose[i];
    if (ch != ' ' && ch != ',' && ch != ';' && ch != ':' && ch != '(') continue;
    std::string_view rest = purpose.substr(i, 6);
    if (c.phrases.Check(kNonStandard, "purpose-cut", rest)) {
      return Trim(purpose.substr(0, i));
    }
  }
  return Trim(purpose);
}

bool IsOptOutPurpose(const ContentContext& c, std::string_view purpose) {
  return c.phrases.Check(kNonStandard, "optout-purpose", CutPurpose(c, purpose));
}

bool IsStandardKeyword(const ContentContext& c, std::string_view kw) {
  return c.phrases.Check(kNonStandard, "std-keyword", kw);
}

// Where each occurrence of (rule, role) starts: the DFA alone, no captures.
std::vector<size_t> AllSpans(const ContentContext& c, std::string_view rule,
                             std::string_view role) {
  std::vector<size_t> out;
  c.AnyHit(rule, role, [&](int i) {
    c.phrases.MatchStarts(i, c.view.words(), &out);
    return false;  // every one
  });
  std::sort(out.begin(), out.end());
  return out;
}

// Whether an opt-out offer (rule, role) starts at each of `starts`: one
// anchored match per start rather than every start of the role in the
// text (AllSpans' starts are exactly the positions where an anchored match
// exists, so this is the same test).
bool AllStartWith(const ContentContext& c, std::string_view rule, std::string_view role,
                  const std::vector<size_t>& starts) {
  return std::all_of(starts.begin(), starts.end(), [&](size_t s) {
    return c.AnyHit(rule, role,
                    [&](int i) { return c.phrases.MatchesAt(i, c.view.words(), s); });
  });
}

}  // namespace

void CheckOptOutRules(const ContentContext& c) {
  // The common case first, from the scan alone: an instruction and no
  // reserved keyword offered for anything but opting out (every
  // reserved-offer occurrence is also a reserved-optout one, position for
  // position). Only otherwise are keywords and purposes captured.
  if (c.AnyOccurs(kMissingOptOut, "instruction")) {
    // No offer at all needs no look for opt-out ones.
    const std::vector<size_t> offers = AllSpans(c, kConflict, "reserved-offer");
    if (offers.empty() || AllStartWith(c, kConflict, "reserved-optout", offers)) {
      return;
    }
  }
  // A reserved keyword offered for something that is not opting out makes
  // recipients opt out by accident (21610 on every later send).
  std::vector<const char*> conflict_keywords;
  for (const PhraseMatch& m : AllOf(c, kConflict, "reserved-offer")) {
    if (IsOptOutPurpose(c, m.purpose)) continue;
    if (conflict_keywords.empty()) {
      const size_t kb = m.kw.data() - c.view.words().data();
      if (Diagnostic* d = c.emit(rule::kContentReservedKeywordConflict, "body", c.WordsSpan(kb, kb + m.kw.size()),
                                 {{"keyword", std::string(m.kw)},
                                  {"purpose", std::string(CutPurpose(c, m.purpose))}})) {
        (void)d;
      }
    }
    conflict_keywords.push_back(m.kw.data());
  }
  auto is_conflict = [&](std::string_view kw) {
    return std::find(conflict_keywords.begin(), conflict_keywords.end(),
                     kw.data()) != conflict_keywords.end();
  };
  bool instruction = false;
  for (const PhraseMatch& m : AllOf(c, kMissingOptOut, "instruction")) {
    if (!is_conflict(m.kw)) {
      instruction = true;
      break;
    }
  }
  if (instruction) return;
  // An instruction whose keyword is not one carriers and Twilio process.
  std::optional<PhraseMatch> nonstd;
  for (const PhraseMatch& m : AllOf(c, kNonStandard, "nonstd-offer")) {
    if (!IsStandardKeyword(c, m.kw) && IsOptOutPurpose(c, m.purpose)) {
      nonstd = m;
      break;
    }
  }
  if (!nonstd) {
    for (const PhraseMatch& m : AllOf(c, kNonStandard, "nonstd-lead")) {
      if (!IsStandardKeyword(c, m.kw)) {
        nonstd = m;
        break;
      }
    }
  }
  if (nonstd) {
    const size_t kb = nonstd->kw.data() - c.view.words().data();
    c.emit(rule::kContentNonStandardOptOutKeyword, "body", c.WordsSpan(kb, kb + nonstd->kw.size()),
           {{"keyword", std::string(nonstd->kw)}});
    return;
  }
  const MessageKind kind = c.message.kind;
  const bool gated = kind != MessageKind::kOtp &&
                     kind != MessageKind::kConversational &&
                     (c.message.first_message || kind == MessageKind::kMarketing);
  if (!gated) return;
  // An opt-in confirmation without opt-out language breaks CTIA's rules:
  // the rule's escalation (data/rules/content.toml).
  c.emit(rule::kContentMissingOptOut, "body", std::nullopt, {},
         {.escalate = c.message.first_message});
}

void CheckDisclosureRules(const ContentContext& c) {
  if (!c.message.first_message) return;
  const MessageKind kind = c.message.kind;
  struct Absence {
    std::string_view rule;
    RuleId rule_id;
    bool applies;
  };
  const Absence rules[] = {
      {"content/missing-help-instructions", rule::kContentMissingHelpInstructions,
       kind == MessageKind::kMarketing || kind == MessageKind::kTransactional ||
           kind == MessageKind::kInformational},
      {"content/missing-data-rates-disclosure", rule::kContentMissingDataRatesDisclosure,
       kind == MessageKind::kMarketing},
      {"content/missing-frequency-disclosure", rule::kContentMissingFrequencyDisclosure,
       kind == MessageKind::kMarketing},
  };
  for (const Absence& a : rules) {
    if (!a.applies) continue;
    if (!c.AnyOccurs(a.rule, "hit")) c.emit(a.rule_id, "body", std::nullopt, {});
  }
}

void CheckSenderId(const ContentContext& c) {
  constexpr std::string_view kRule = "content/missing-sender-id";
  if (!c.message.first_message || c.message.kind == MessageKind::kConversational) {
    return;
  }
  if (!c.brand.empty()) {
    // The configured brand, case-insensitively; exact beats heuristics.
    if (base::FindIgnoreAsciiCase(c.body, c.brand) == std::string_view::npos) {
      c.emit(rule::kContentMissingSenderId, "body", std::nullopt, {});
    }
    return;
  }
  // Both label patterns are anchored at the start of the body: the scan
  // alone tells whether it starts with a label that is not a generic word.
  if (c.AnyOccurs(kRule, "label") && !c.AnyOccurs(kRule, "generic-label")) return;
  if (c.AnyOccurs(kRule, "identified") || c.AnyOccurs(kRule, "signature")) return;
  c.emit(rule::kContentMissingSenderId, "body", std::nullopt, {});
}

}  // namespace smslint::internal
