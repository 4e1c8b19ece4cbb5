// Every example of the content-rule table (shared/reference/content_rules.md
// §3: three that must fire and three that must not, per rule), kept as data
// in tests/content/examples.jsonl, SpamAssassin's "test RULE ok|fail" model.
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "smslint/linter.h"

namespace smslint {
namespace {

using Json = nlohmann::json;

TEST(ContentExamplesTest, EveryTableExampleBehaves) {
  const char* path = std::getenv("SMSLINT_CONTENT_EXAMPLES");
  ASSERT_NE(path, nullptr) << "set SMSLINT_CONTENT_EXAMPLES";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  const Linter linter;
  ASSERT_TRUE(linter.ok()) << linter.error() << ": " << linter.error_arg();
  std::string line;
  int n = 0, fire = 0, not_fire = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++n;
    const Json j = Json::parse(line);
    Message m;
    m.body = j.at("body").get<std::string>();
    if (j.contains("kind") && !j["kind"].is_null()) {
      m.kind = ParseMessageKind(j["kind"].get<std::string>()).value();
    }
    m.first_message = j.value("first_message", false);
    m.brand = j.value("brand", "");
    // Body numbers are read in the recipient's region.
    m.to = j.value("to", "");
    m.region = j.value("region", "");
    if (j.contains("owned_domains")) {
      m.owned_domains = j["owned_domains"].get<std::vector<std::string>>();
    }
    const std::string rule = j.at("rule").get<std::string>();
    const bool expect = j.at("expect").get<std::string>() == "fire";
    (expect ? fire : not_fire)++;
    const Report r = linter.Lint(m);
    bool fired = false;
    for (const Diagnostic& d : r.diagnostics) fired |= d.rule_id == rule;
    EXPECT_EQ(fired, expect) << "line " << n << " " << rule << " ("
                             << j.value("source", "") << "): "
                             << m.body.substr(0, 120);
  }
  // The table has 3 + 3 examples for each of its 40 rules.
  EXPECT_GE(fire, 40 * 3);
  EXPECT_GE(not_fire, 40 * 3);
}

}  // namespace
}  // namespace smslint
