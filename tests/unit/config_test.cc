#include "smslint/config.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

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
now = "2026-12-03T09:30:00-05:00"
warm_up_numbers = true

[lint.severity]
"segments/forces-ucs2" = "error"
"to" = "info"
)", "t.toml", &o, &e)) << e.ToString();
  EXPECT_EQ(o.max_segments, 4u);
  EXPECT_EQ(o.max_body_characters, 900u);
  EXPECT_FALSE(o.suggest_smart_encoding);
  EXPECT_EQ(o.default_region, "GB");
  EXPECT_EQ(o.now_unix_seconds, std::optional<int64_t>(1796308200));
  EXPECT_TRUE(o.warm_up_numbers);
  EXPECT_EQ(o.disabled_rules, (std::vector<std::string>{"media", "segments/crlf-line-breaks"}));
  ASSERT_EQ(o.severity_overrides.size(), 2u);
  EXPECT_EQ(o.severity_overrides[0].second, Severity::kError);
  EXPECT_TRUE(Linter(o).ok());
}

TEST(ConfigTest, NowMustBeATimestampWithAZone) {
  for (const char* bad : {"now = 5", "now = \"2026-12-03T09:30:00\"",
                          "now = \"tomorrow\""}) {
    Options o;
    ConfigError e;
    EXPECT_FALSE(LoadConfigString(std::string("[lint]\n") + bad, "t.toml", &o, &e)) << bad;
    EXPECT_EQ(e.key, "lint.now") << bad;
    EXPECT_FALSE(o.now_unix_seconds.has_value());
  }
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
      // A float out of int64's range (found by config_fuzzer: UB in toml++).
      {"[lint]\nmax_segments = 9.3e19\n", 2, "lint.max_segments"},
      {"[lint]\nsuggest_smart_encoding = 1\n", 2, "lint.suggest_smart_encoding"},
      {"[lint]\nwarm_up_numbers = \"yes\"\n", 2, "lint.warm_up_numbers"},
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

TEST(ConfigTest, OnlyRegularFilesAreConfigurations) {
  Options o;
  o.max_segments = 7;
  ConfigError e;
  EXPECT_FALSE(LoadConfigFile("/dev/zero", &o, &e));
  EXPECT_EQ(e.ToString(),
            "/dev/zero: not a regular file (a character device); a configuration "
            "must be a regular file");
  EXPECT_FALSE(LoadConfigFile("/tmp", &o, &e));
  EXPECT_EQ(e.file, "/tmp");
  EXPECT_EQ(e.message,
            "not a regular file (a directory); a configuration must be a regular file");
  char tmpl[] = "/tmp/smslint-config-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string fifo = std::string(tmpl) + "/fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_FALSE(LoadConfigFile(fifo, &o, &e));  // refused, and did not block
  EXPECT_EQ(e.message, "not a regular file (a FIFO); a configuration must be a regular file");
  EXPECT_EQ(o.max_segments, 7u);  // untouched by every refusal
  std::filesystem::remove_all(tmpl);
}

TEST(ConfigTest, SizeIsCapped) {
  char tmpl[] = "/tmp/smslint-config-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string path = std::string(tmpl) + "/big.toml";
  {
    std::ofstream f(path);
    f << "# " << std::string(kMaxConfigBytes, 'x') << "\n";
  }
  Options o;
  ConfigError e;
  EXPECT_FALSE(LoadConfigFile(path, &o, &e));
  EXPECT_EQ(e.message, "the configuration is " + std::to_string(kMaxConfigBytes + 3) +
                           " bytes; at most 1048576 (1 MiB) are accepted");
  {
    std::ofstream f(path);
    f << "# " << std::string(kMaxConfigBytes - 3, 'x') << "\n";  // exactly the cap
  }
  EXPECT_TRUE(LoadConfigFile(path, &o, &e)) << e.ToString();
  EXPECT_FALSE(LoadConfigString(std::string(kMaxConfigBytes + 1, '\n'), "t", &o, &e));
  std::filesystem::remove_all(tmpl);
}

TEST(ConfigTest, DeepNestingIsRefusedBeforeParsing) {
  Options o;
  ConfigError e;
  // 50,000 levels crashed the TOML parser (stack overflow).
  std::string header = "[a";
  for (int i = 0; i < 50'000; ++i) header += ".a";
  EXPECT_FALSE(LoadConfigString("# deep\n" + header + "]\n", "t.toml", &o, &e));
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 2 * kMaxConfigDepth + 1);
  EXPECT_EQ(e.message,
            "nested more than 64 levels deep (arrays, inline tables and dotted key "
            "parts together); smslint accepts at most 64");
  EXPECT_FALSE(LoadConfigString("x = " + std::string(50'000, '[') + "\n", "t", &o, &e));
  EXPECT_EQ(e.column, 5 + kMaxConfigDepth);
  std::string inline_tables = "x = ";
  for (int i = 0; i < 100; ++i) inline_tables += "{a=";
  EXPECT_FALSE(LoadConfigString(inline_tables, "t", &o, &e));
  EXPECT_EQ(e.column, 5 + 3 * kMaxConfigDepth);
  // Open brackets count across lines (a multi-line array).
  EXPECT_FALSE(LoadConfigString("[lint]\nx = [[[\n[[[[\n" + std::string(60, '[') + "\n",
                                "t", &o, &e));
  EXPECT_EQ(e.line, 4);
  // At the limit the parser decides (here: an unknown key, so it parsed).
  std::string ok_depth = "[a";
  for (int i = 1; i < kMaxConfigDepth - 1; ++i) ok_depth += ".a";
  EXPECT_FALSE(LoadConfigString(ok_depth + "]\n", "t", &o, &e));
  EXPECT_EQ(e.message, "unknown key");
  EXPECT_EQ(e.key, "a");
}

TEST(ConfigTest, BracketsAndDotsInStringsAndCommentsDoNotCount) {
  Options o;
  ConfigError e;
  const std::string brackets(200, '[');
  const std::string dots(200, '.');
  const std::string text = "# " + brackets + dots + "\n"
      "[content]\n"
      "brand = \"" + brackets + dots + "\\\" #\"\n"
      "owned_domains = ['" + dots + "', \"\"\"\n" + brackets + "\n\"\"\"]\n"
      "extra_shorteners = ['''\n" + dots + "''']\n"
      "elevated_threshold = 1.5\n"
      "high_threshold = 2.5\n";
  ASSERT_TRUE(LoadConfigString(text, "t.toml", &o, &e)) << e.ToString();
  EXPECT_EQ(o.brand, brackets + dots + "\" #");
  ASSERT_EQ(o.owned_domains.size(), 2u);
  EXPECT_EQ(o.owned_domains[1], brackets + "\n");
  ASSERT_EQ(o.extra_shorteners.size(), 1u);
  EXPECT_EQ(o.extra_shorteners[0], dots);
}

TEST(ConfigTest, MediaRoot) {
  Options o;
  ConfigError e;
  ASSERT_TRUE(LoadConfigString("[media]\nroot = \"media\"\n", "t.toml", &o, &e));
  EXPECT_EQ(o.media_root, "media");  // text: relative to the working directory
  EXPECT_FALSE(LoadConfigString("[media]\nroot = 1\n", "t.toml", &o, &e));
  EXPECT_EQ(e.key, "media.root");
  EXPECT_FALSE(LoadConfigString("[media]\nroot = \"\"\n", "t.toml", &o, &e));
  EXPECT_FALSE(LoadConfigString("[media]\nfollow = true\n", "t.toml", &o, &e));
  EXPECT_EQ(e.key, "media.follow");
  char tmpl[] = "/tmp/smslint-config-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string path = std::string(tmpl) + "/smslint.toml";
  std::ofstream(path) << "[media]\nroot = \"pictures\"\n";
  ASSERT_TRUE(LoadConfigFile(path, &o, &e)) << e.ToString();
  EXPECT_EQ(o.media_root, std::string(tmpl) + "/pictures");  // the file's folder
  std::ofstream(path) << "[media]\nroot = \"/srv/media\"\n";
  ASSERT_TRUE(LoadConfigFile(path, &o, &e)) << e.ToString();
  EXPECT_EQ(o.media_root, "/srv/media");
  std::filesystem::remove_all(tmpl);
}

}  // namespace
}  // namespace smslint
