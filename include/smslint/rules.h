// File: smslint/rules.h
//
// The rule registry: one table holding every rule smslint has ever shipped,
// sorted by id. Ids are never reused; a retired rule stays with status
// "removed".
//
//   const smslint::RuleInfo* r = smslint::FindRule("body/too-long");
//   // r->twilio_code == 21617
//   for (const smslint::RuleInfo& rule : smslint::AllRules()) { ... }
#ifndef SMSLINT_RULES_H_
#define SMSLINT_RULES_H_

#include <span>
#include <string_view>

#include "smslint/diagnostic.h"
#include "smslint/export.h"

namespace smslint {

// smslint::RuleInfo
//
// A rule's metadata. `message` is the template diagnostics are rendered
// from: "{name}" is replaced by the diagnostic's argument `name`.
// `docs` is Markdown with the headings "What it does", "Why", "Example",
// "Fix".
struct RuleInfo {
  std::string_view id;        // "<area>/<kebab-name>"
  std::string_view summary;   // one line
  Severity default_severity;
  int twilio_code;            // 0 when none
  bool fixable;               // can carry a Fix
  std::string_view status;    // "stable", "preview" or "removed"
  std::string_view since;     // version that added it
  std::string_view message;   // template
  std::string_view docs;
  // Content-risk weight (0: the rule does not score); graded rules (all-caps)
  // use weight_high for their higher grade.
  double weight = 0.0;
  double weight_high = 0.0;
};

// Every rule, sorted by id.
SMSLINT_API std::span<const RuleInfo> AllRules();

// The rule with this id, or nullptr.
SMSLINT_API const RuleInfo* FindRule(std::string_view id);

}  // namespace smslint

#endif  // SMSLINT_RULES_H_
