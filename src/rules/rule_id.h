// A rule's identity inside the library: its index in AllRules(). Rules name
// themselves by the generated constants of gen/rule_ids.h (rule::kBodyEmpty),
// never by string, so a misspelt id is a compile error.
#ifndef SMSLINT_SRC_RULES_RULE_ID_H_
#define SMSLINT_SRC_RULES_RULE_ID_H_

#include <cstdint>
#include <string_view>

namespace smslint::internal {

struct RuleId {
  uint16_t index;
  constexpr bool operator==(const RuleId&) const = default;
};

// The rule's id text ("media/too-many"), for places that hand a rule to a
// public API by name (InputProblem::rule_id).
std::string_view RuleName(RuleId rule);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_RULES_RULE_ID_H_
