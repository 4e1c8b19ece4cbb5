// RulePolicy: the one place where enabled, severity (with escalation) and
// weight (with grades) are applied to what a rule found.
#include "rules/policy.h"

#include <string>

#include <gtest/gtest.h>

#include "gen/rule_ids.h"
#include "smslint/rules.h"

namespace smslint::internal {
namespace {

RulePolicy Make(const Options& options) {
  std::string error, arg;
  RulePolicy policy(options, &error, &arg);
  EXPECT_EQ(error, "") << arg;
  return policy;
}

Finding Caps(uint8_t grade) {
  return {rule::kContentAllCaps, "body", std::nullopt,
          {{"percent", "80"}, {"letters", "40"}}, {.grade = grade}};
}

Finding MissingOptOut(bool escalate) {
  return {rule::kContentMissingOptOut, "body", std::nullopt, {}, {.escalate = escalate}};
}

TEST(RulePolicyTest, DefaultsComeFromTheTable) {
  const RulePolicy policy = Make({});
  const auto d = policy.Apply(Caps(0));
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->rule_id, "content/all-caps");
  EXPECT_EQ(d->severity, Severity::kWarning);
  EXPECT_EQ(d->weight, 1.5);
  EXPECT_EQ(d->twilio_code, 30007);
  EXPECT_EQ(d->message.rfind("80% of the 40 letters", 0), 0u) << d->message;
}

TEST(RulePolicyTest, GradePicksTheHigherWeight) {
  const RulePolicy policy = Make({});
  EXPECT_EQ(policy.Apply(Caps(grade::kContentAllCapsHigh))->weight, 2.5);
}

TEST(RulePolicyTest, WeightOverrideAppliesToEveryGrade) {
  Options o;
  o.weights = {{"content/all-caps", 4.0}};
  const RulePolicy policy = Make(o);
  EXPECT_EQ(policy.Apply(Caps(0))->weight, 4.0);
  EXPECT_EQ(policy.Apply(Caps(grade::kContentAllCapsHigh))->weight, 4.0);
}

TEST(RulePolicyTest, EscalationRaisesSeverityUnlessConfigured) {
  EXPECT_EQ(Make({}).Apply(MissingOptOut(false))->severity, Severity::kWarning);
  EXPECT_EQ(Make({}).Apply(MissingOptOut(true))->severity, Severity::kError);
  Options o;
  o.severity_overrides = {{"content/missing-opt-out", Severity::kInfo}};
  EXPECT_EQ(Make(o).Apply(MissingOptOut(true))->severity, Severity::kInfo);
}

TEST(RulePolicyTest, EscalateOnARuleWithoutEscalationChangesNothing) {
  Finding f = Caps(0);
  f.outcome.escalate = true;
  EXPECT_EQ(Make({}).Apply(std::move(f))->severity, Severity::kWarning);
}

TEST(RulePolicyTest, DisabledByIdOrArea) {
  Options by_id;
  by_id.disabled_rules = {"content/all-caps"};
  EXPECT_FALSE(Make(by_id).Apply(Caps(0)).has_value());
  EXPECT_FALSE(Make(by_id).enabled(rule::kContentAllCaps));
  EXPECT_TRUE(Make(by_id).enabled(rule::kContentMissingOptOut));
  Options by_area;
  by_area.disabled_rules = {"content"};
  EXPECT_FALSE(Make(by_area).Apply(MissingOptOut(true)).has_value());
}

TEST(RulePolicyTest, BadSelectorsAndWeightsAreReported) {
  std::string error, arg;
  Options o;
  o.weights = {{"body/too-long", 1.0}};
  RulePolicy policy(o, &error, &arg);
  EXPECT_EQ(error, "weights apply to content rules (content or content/...)");
  EXPECT_EQ(arg, "body/too-long");
  error.clear();
  Options unknown;
  unknown.disabled_rules = {"nope/none"};
  RulePolicy p2(unknown, &error, &arg);
  EXPECT_EQ(error, "unknown rule id or area in disabled_rules");
}

TEST(RulePolicyTest, ArgsMatchMetadata) {
  EXPECT_TRUE(RulePolicy::ArgsMatchMetadata(Caps(0)));
  Finding wrong = Caps(0);
  wrong.args = {{"percent", "80"}};
  EXPECT_FALSE(RulePolicy::ArgsMatchMetadata(wrong));
  wrong.args = {{"percent", "80"}, {"letter", "40"}};
  EXPECT_FALSE(RulePolicy::ArgsMatchMetadata(wrong));
}

TEST(RuleIdsTest, ConstantsIndexTheTable) {
  EXPECT_EQ(AllRules()[rule::kMediaTooMany.index].id, "media/too-many");
  EXPECT_EQ(RuleName(rule::kBodyEmpty), "body/empty");
  EXPECT_EQ(AllRules().size(), kRuleCount);
}

}  // namespace
}  // namespace smslint::internal
