#include "rules/policy.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

#include "rules/render.h"
#include "smslint/rules.h"

namespace smslint::internal {
namespace {

// Indexes of the rules `selector` names: an exact id, or an area ("segments"
// or "segments/").
std::vector<size_t> SelectRules(std::string_view selector) {
  std::vector<size_t> out;
  const auto rules = AllRules();
  std::string area(selector);
  if (!area.empty() && area.back() != '/') area.push_back('/');
  for (size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].id == selector || rules[i].id.starts_with(area)) {
      out.push_back(i);
    }
  }
  return out;
}

}  // namespace

RulePolicy::RulePolicy(const Options& options, std::string* error,
                       std::string* error_arg) {
  auto fail = [&](std::string why, std::string arg) {
    if (error->empty()) {
      *error = std::move(why);
      *error_arg = std::move(arg);
    }
  };
  const auto all = AllRules();
  rules_.resize(all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    rules_[i].severity = all[i].default_severity;
    rules_[i].weights[0] = all[i].weight;
    rules_[i].weights[1] = all[i].weight_high;
    // A retired rule never reports.
    rules_[i].enabled = all[i].status != "removed";
  }
  for (const std::string& selector : options.disabled_rules) {
    const std::vector<size_t> selected = SelectRules(selector);
    if (selected.empty()) fail("unknown rule id or area in disabled_rules", selector);
    for (size_t i : selected) rules_[i].enabled = false;
  }
  for (const auto& [selector, sev] : options.severity_overrides) {
    const std::vector<size_t> selected = SelectRules(selector);
    if (selected.empty()) fail("unknown rule id or area in severity_overrides", selector);
    for (size_t i : selected) {
      rules_[i].severity = sev;
      rules_[i].severity_configured = true;
    }
  }
  for (const auto& [selector, w] : options.weights) {
    const std::vector<size_t> selected = SelectRules(selector);
    if (selected.empty()) fail("unknown rule id or area in weights", selector);
    if (!std::isfinite(w) || std::abs(w) > 1000) {
      fail("a weight must be a number between -1000 and 1000", selector);
      continue;
    }
    if (!selector.starts_with("content")) {
      // Only content rules score; each fires at most once per message.
      fail("weights apply to content rules (content or content/...)", selector);
      continue;
    }
    for (size_t i : selected) {
      rules_[i].weights[0] = w;
      rules_[i].weights[1] = w;
    }
  }
}

std::optional<Diagnostic> RulePolicy::Apply(Finding&& f) const {
  const PerRule& p = rules_[f.rule.index];
  if (!p.enabled) return std::nullopt;
  const RuleInfo& info = AllRules()[f.rule.index];
  Diagnostic d;
  d.rule_id = std::string(info.id);
  d.severity = p.severity;
  if (f.outcome.escalate && !p.severity_configured && !info.escalation_when.empty()) {
    d.severity = info.escalation_severity;
  }
  d.field = std::string(f.field);
  d.span = f.span;
  d.message = RenderTemplate(info.message, f.args);
  d.twilio_code = info.twilio_code;
  d.weight = p.weights[f.outcome.grade > 0 && info.weight_high != 0.0 ? 1 : 0];
  d.args = std::move(f.args);
  return d;
}

bool RulePolicy::ArgsMatchMetadata(const Finding& f) {
  const RuleInfo& info = AllRules()[f.rule.index];
  if (f.args.size() != info.argument_count) return false;
  for (size_t i = 0; i < info.argument_count; ++i) {
    const std::string_view name = info.arguments[i].name;
    const auto it = std::find_if(f.args.begin(), f.args.end(),
                                 [&](const auto& a) { return a.first == name; });
    if (it == f.args.end()) return false;
  }
  return true;
}

}  // namespace smslint::internal
