#include "smslint/config.h"

#include <gtest/gtest.h>

namespace smslint {
namespace {

TEST(ConfigTest, ReadsEveryLintSetting) {
  Options o;
  ConfigError e;
  ASSERT_TRUE(LoadConfigString(R"(
[lint]
max_segments = 4
max_body_characters = 900
suggest_smart_encoding = false
default_region = "GB"
disable = ["media", "segments/crlf-line-breaks"]

[lint.severity]
"segments/forces-ucs2" = "error"
"to" = "info"
)", "t.toml", &o, &e)) << e.ToString();
  EXPECT_EQ(o.max_segments, 4u);
  EXPECT_EQ(o.max_body_characters, 900u);
  EXPECT_FALSE(o.suggest_smart_encoding);
  EXPECT_EQ(o.default_region, "GB");
  EXPECT_EQ(o.disabled_rules, (std::vector<std::string>{"media", "segments/crlf-line-breaks"}));
  ASSERT_EQ(o.severity_overrides.size(), 2u);
  EXPECT_EQ(o.severity_overrides[0].second, Severity::kError);
  EXPECT_TRUE(Linter(o).ok());
}

TEST(ConfigTest, MissingSettingsKeepTheirValues) {
  Options o;
  o.max_segments = 7;
  ConfigError e;
  ASSERT_TRUE(LoadConfigString("[lint]\nmax_body_characters = 100\n", "t", &o, &e));
  EXPECT_EQ(o.max_segments, 7u);
  ASSERT_TRUE(LoadConfigString("", "empty", &o, &e));
}

struct Bad {
  const char* toml;
  int line;
  const char* key;
};

TEST(ConfigTest, ErrorsNameLineAndKeyAndLeaveOptionsAlone) {
  const Bad cases[] = {
      {"[lint]\nmax_segment = 3\n", 2, "lint.max_segment"},
      {"[lints]\n", 1, "lints"},
      {"[lint]\nmax_segments = \"3\"\n", 2, "lint.max_segments"},
      {"[lint]\nmax_segments = 0\n", 2, "lint.max_segments"},
      {"[lint]\nsuggest_smart_encoding = 1\n", 2, "lint.suggest_smart_encoding"},
      {"[lint]\ndisable = [\"segments/nope\"]\n", 2, "lint.disable"},
      {"[lint]\ndisable = \"media\"\n", 2, "lint.disable"},
      {"[lint.severity]\n\"body/empty\" = \"fatal\"\n", 2, "lint.severity.body/empty"},
      {"[lint.severity]\n\"nope/x\" = \"error\"\n", 2, "lint.severity.nope/x"},
      {"[lint\n", 1, ""},
  };
  for (const Bad& b : cases) {
    Options o;
    o.max_segments = 5;
    ConfigError e;
    EXPECT_FALSE(LoadConfigString(b.toml, "c.toml", &o, &e)) << b.toml;
    EXPECT_EQ(e.file, "c.toml");
    EXPECT_EQ(e.line, b.line) << b.toml;
    EXPECT_EQ(e.key, b.key) << b.toml;
    EXPECT_FALSE(e.message.empty());
    EXPECT_EQ(o.max_segments, 5u);
    EXPECT_TRUE(o.disabled_rules.empty());
  }
}

TEST(ConfigTest, UnreadableFile) {
  Options o;
  ConfigError e;
  EXPECT_FALSE(LoadConfigFile("/no/such/smslint.toml", &o, &e));
  EXPECT_EQ(e.file, "/no/such/smslint.toml");
  EXPECT_FALSE(e.message.empty());
}

}  // namespace
}  // namespace smslint
