// How a rule reports what it found. A rule says what it found (where, its
// message arguments, a grade, whether its escalation condition holds); the
// Linter's RulePolicy decides the rest (enabled, severity, weight) in one
// place (src/rules/policy.h).
//
//   emit(rule::kMediaTooMany, "media", std::nullopt, {{"count", "12"}, ...});
//   emit(rule::kContentAllCaps, "body", std::nullopt, args,
//        {.grade = grade::kContentAllCapsHigh});
#ifndef SMSLINT_SRC_RULES_EMIT_H_
#define SMSLINT_SRC_RULES_EMIT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gen/rule_ids.h"
#include "rules/rule_id.h"
#include "smslint/diagnostic.h"

namespace smslint::internal {

using Args = std::vector<std::pair<std::string, std::string>>;

// What a rule found beyond where and its arguments.
struct Outcome {
  // Which weight applies: 0 is the rule's weight, 1.. its grades (the
  // generated grade:: constants).
  uint8_t grade = 0;
  // The condition of the rule's escalation (data/rules: `escalation.when`)
  // holds; the policy raises the severity unless configuration chose one.
  bool escalate = false;
};

// One finding of a rule, before policy.
struct Finding {
  RuleId rule;
  std::string_view field;
  std::optional<Span> span;
  Args args;
  Outcome outcome;
};

// Adds a diagnostic for a finding, or nothing when its rule is disabled;
// returns it so a rule can attach a fix. The pointer is valid until the next
// call.
class Emit {
 public:
  using Sink = std::function<Diagnostic*(Finding&&)>;
  explicit Emit(Sink sink) : sink_(std::move(sink)) {}

  Diagnostic* operator()(RuleId rule, std::string_view field,
                         std::optional<Span> span, Args args = {},
                         Outcome outcome = {}) const {
    return sink_(Finding{rule, field, span, std::move(args), outcome});
  }

 private:
  Sink sink_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_RULES_EMIT_H_
