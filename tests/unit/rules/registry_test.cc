// The rule meta-test: every rule is well-formed, documented, and its
// message placeholders are the arguments its code passes.
#include "smslint/rules.h"

#include "content/lexicon.h"

#include <map>
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace smslint {
namespace {

TEST(RegistryTest, IdsAreSortedUniqueAndKebabWithArea) {
  const std::regex id_re("^[a-z0-9]+/[a-z0-9]+(-[a-z0-9]+)*$");
  std::set<std::string_view> seen;
  std::string_view prev;
  for (const RuleInfo& r : AllRules()) {
    EXPECT_TRUE(std::regex_match(std::string(r.id), id_re)) << r.id;
    EXPECT_TRUE(seen.insert(r.id).second) << r.id;
    EXPECT_LT(prev, r.id);
    prev = r.id;
    EXPECT_EQ(FindRule(r.id), &r);
  }
  EXPECT_EQ(FindRule("segments/nope"), nullptr);
}

TEST(RegistryTest, EveryRuleIsDocumented) {
  for (const RuleInfo& r : AllRules()) {
    SCOPED_TRACE(std::string(r.id));
    EXPECT_FALSE(r.summary.empty());
    EXPECT_FALSE(r.message.empty());
    EXPECT_TRUE(r.status == "stable" || r.status == "preview" || r.status == "removed");
    EXPECT_FALSE(r.since.empty());
    size_t last = 0;
    for (const char* h : {"## What it does", "## Why", "## Example", "## Fix"}) {
      const size_t at = r.docs.find(h);
      EXPECT_NE(at, std::string_view::npos) << h;
      EXPECT_GE(at, last) << h << " out of order";
      last = at;
    }
  }
}

TEST(RegistryTest, PlaceholdersAreTheDeclaredArguments) {
  // Placeholders of the template = the arguments data/rules declares; the
  // policy asserts that every emitted diagnostic passes exactly those.
  const std::regex ph("\\{([a-z_0-9]+)\\}");
  for (const RuleInfo& r : AllRules()) {
    SCOPED_TRACE(std::string(r.id));
    const std::string msg(r.message);
    std::set<std::string> used;
    for (auto m = std::sregex_iterator(msg.begin(), msg.end(), ph);
         m != std::sregex_iterator(); ++m) {
      used.insert((*m)[1]);
    }
    std::set<std::string> declared;
    for (size_t i = 0; i < r.argument_count; ++i) {
      const RuleArgument& a = r.arguments[i];
      EXPECT_TRUE(a.type == "string" || a.type == "integer" || a.type == "decimal") << a.name;
      EXPECT_TRUE(declared.insert(std::string(a.name)).second) << a.name;
    }
    EXPECT_EQ(used, declared);
  }
}

TEST(RegistryTest, GradesAndEscalationsAreWellFormed) {
  for (const RuleInfo& r : AllRules()) {
    SCOPED_TRACE(std::string(r.id));
    EXPECT_EQ(r.weight_high != 0.0, !r.weight_high_when.empty());
    if (!r.escalation_when.empty()) {
      EXPECT_GT(r.escalation_severity, r.default_severity);
    }
  }
  const RuleInfo* caps = FindRule("content/all-caps");
  ASSERT_NE(caps, nullptr);
  EXPECT_EQ(caps->weight_high, 2.5);
  const RuleInfo* optout = FindRule("content/missing-opt-out");
  ASSERT_NE(optout, nullptr);
  EXPECT_EQ(optout->escalation_severity, Severity::kError);
}

// Every rule a lexicon pattern serves is in the registry, and every content
// rule either scores or says in its docs why it does not.
TEST(RegistryTest, LexiconRulesAreRegistered) {
  for (const internal::LexiconPattern& p : internal::kLexiconPatterns) {
    EXPECT_NE(FindRule(p.rule), nullptr) << p.file << ": " << p.rule;
  }
  for (const RuleInfo& r : AllRules()) {
    if (!r.id.starts_with("content/")) {
      EXPECT_EQ(r.weight, 0.0) << r.id;
      continue;
    }
    EXPECT_GT(r.weight, 0.0) << r.id;
    EXPECT_GE(r.weight_high, 0.0) << r.id;
  }
}

}  // namespace
}  // namespace smslint
