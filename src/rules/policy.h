// The Linter's rule policy, built once from Options: which rules are
// enabled, the severity each reports at and the weight of each grade. It is
// the one place that turns a rule's Finding into a Diagnostic.
#ifndef SMSLINT_SRC_RULES_POLICY_H_
#define SMSLINT_SRC_RULES_POLICY_H_

#include <optional>
#include <string>
#include <vector>

#include "rules/emit.h"
#include "smslint/diagnostic.h"
#include "smslint/linter.h"

namespace smslint::internal {

class RulePolicy {
 public:
  // Applies disabled_rules, severity_overrides and weights of `options`.
  // On a bad selector or weight, sets *error and *error_arg (first problem
  // only) and ignores that entry.
  RulePolicy(const Options& options, std::string* error, std::string* error_arg);

  bool enabled(RuleId rule) const { return rules_[rule.index].enabled; }

  // The diagnostic of a finding after policy; nullopt when its rule is
  // disabled.
  std::optional<Diagnostic> Apply(Finding&& finding) const;

  // True when `finding` passes exactly the arguments its rule declares
  // (data/rules), in any order. The Linter asserts it for every finding of the
  // library's own rules; tests and fuzzers run with assertions on.
  static bool ArgsMatchMetadata(const Finding& finding);

 private:
  struct PerRule {
    bool enabled = true;
    Severity severity = Severity::kWarning;
    bool severity_configured = false;  // configuration chose the severity
    double weights[2] = {0.0, 0.0};    // base weight, higher grade
  };
  std::vector<PerRule> rules_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_RULES_POLICY_H_
