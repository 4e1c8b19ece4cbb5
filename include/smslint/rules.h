// File: smslint/rules.h
//
// The rule registry: one table holding every rule smslint has ever shipped,
// sorted by id, generated from data/rules/<area>.toml. Ids are never reused; a retired rule stays with status
// "removed".
//
//   const smslint::RuleInfo* r = smslint::FindRule("body/too-long");
//   // r->twilio_code == 21617
//   for (const smslint::RuleInfo& rule : smslint::AllRules()) { ... }
#ifndef SMSLINT_RULES_H_
#define SMSLINT_RULES_H_

#include <cstddef>
#include <string_view>

#include "smslint/diagnostic.h"
#include "smslint/export.h"

namespace smslint {

// smslint::RuleArgument
//
// A named value a rule's diagnostics carry (Diagnostic::args) and its
// message template uses. `type` is "string", "integer" or "decimal": how
// to read the value's text.
struct RuleArgument {
  std::string_view name;
  std::string_view type;
};

// smslint::RuleInfo
//
// A rule's metadata, generated from data/rules/<area>.toml. `message` is the
// template diagnostics are rendered from: "{name}" is replaced by the
// diagnostic's argument `name`. `docs` is Markdown with the headings "What
// it does", "Why", "Example", "Fix".
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
  // Content-risk weight (0: the rule does not score). A graded rule
  // (content/all-caps) scores weight_high instead when `weight_high_when`
  // holds; ungraded rules have weight_high 0 and weight_high_when "".
  double weight = 0.0;
  double weight_high = 0.0;
  std::string_view weight_high_when;
  // When `escalation_when` (a sentence; "" for none) holds, the rule reports
  // at escalation_severity instead of default_severity, unless configuration
  // chose a severity for it.
  std::string_view escalation_when;
  Severity escalation_severity = Severity::kError;
  // The arguments of its diagnostics, in template order.
  const RuleArgument* arguments = nullptr;
  size_t argument_count = 0;
  // Content rules: how strong the evidence behind the rule is ("A", "B",
  // "C", "A/C"; docs/content.md); "" for other rules.
  std::string_view evidence;
};

// smslint::RuleList
//
// A read-only view of the rule table: the part of std::span a caller needs
// (range-for, size, indexing), written out so the header stays C++17.
class RuleList {
 public:
  constexpr RuleList() = default;
  constexpr RuleList(const RuleInfo* data, size_t size) : data_(data), size_(size) {}

  constexpr const RuleInfo* begin() const { return data_; }
  constexpr const RuleInfo* end() const { return data_ + size_; }
  constexpr const RuleInfo* data() const { return data_; }
  constexpr size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr const RuleInfo& operator[](size_t i) const { return data_[i]; }
  constexpr const RuleInfo& front() const { return data_[0]; }
  constexpr const RuleInfo& back() const { return data_[size_ - 1]; }

 private:
  const RuleInfo* data_ = nullptr;
  size_t size_ = 0;
};

// Every rule, sorted by id.
SMSLINT_API RuleList AllRules();

// The rule with this id, or nullptr.
SMSLINT_API const RuleInfo* FindRule(std::string_view id);

}  // namespace smslint

#endif  // SMSLINT_RULES_H_
