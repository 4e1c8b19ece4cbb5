#include "jsonl_reader.h"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

// The decoding itself is smslint::ParseMessage's
// (tests/unit/message/parse_message_test.cc); the CLI's name for it passes
// the line number through.
TEST(JsonlReaderTest, ParseMessageLineIsTheLibraryDecoder) {
  const ParsedLine p = ParseMessageLine(R"({"To": "+14155550132", "bdy": "x"})", 5);
  EXPECT_TRUE(p.usable);
  EXPECT_EQ(p.message.to, "+14155550132");
  ASSERT_EQ(p.problems.size(), 1u);
  const InputProblem& problem = p.problems[0];
  EXPECT_EQ(problem.rule_id, "input/unknown-field");
  EXPECT_EQ(problem.args,
            (std::vector<std::pair<std::string, std::string>>{{"name", "bdy"},
                                                              {"line", "5"}}));
}

TEST(LineReaderTest, SplitsLinesDropsCrAndCapsLength) {
  const std::string data = "a\r\nbb\n" + std::string(50, 'x') + "\nlast";
  std::FILE* f = fmemopen(const_cast<char*>(data.data()), data.size(), "r");
  ASSERT_NE(f, nullptr);
  LineReader reader(f, 10);
  std::string line;
  bool too_long = false;
  ASSERT_TRUE(reader.Next(line, too_long));
  EXPECT_EQ(line, "a");
  ASSERT_TRUE(reader.Next(line, too_long));
  EXPECT_EQ(line, "bb");
  ASSERT_TRUE(reader.Next(line, too_long));
  EXPECT_TRUE(too_long);
  EXPECT_EQ(line.size(), 10u);
  ASSERT_TRUE(reader.Next(line, too_long));
  EXPECT_FALSE(too_long);
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(reader.Next(line, too_long));
  std::fclose(f);
}

}  // namespace
}  // namespace smslint::cli
