#include "jsonl_reader.h"

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

std::vector<std::string> Rules(const ParsedLine& p) {
  std::vector<std::string> out;
  for (const auto& pr : p.problems) out.push_back(pr.rule_id);
  return out;
}

std::string ArgOf(const InputProblem& p, std::string_view name) {
  for (const auto& [k, v] : p.args) {
    if (k == name) return v;
  }
  return "";
}

TEST(JsonlReaderTest, ReadsEveryField) {
  const ParsedLine p = ParseMessageLine(
      R"({"id":"m1","to":"+14155550132","from":"+14155550100","body":"hi",)"
      R"("media":[{"content_type":"image/png","size_bytes":1200,"path":"a.png"}],)"
      R"("kind":"otp","first_message":true,"messaging_service_id":"MG1",)"
      R"("region":"GB"})",
      1);
  ASSERT_TRUE(p.usable);
  EXPECT_TRUE(p.problems.empty());
  EXPECT_EQ(p.message.id, "m1");
  EXPECT_EQ(p.message.to, "+14155550132");
  EXPECT_EQ(p.message.from, "+14155550100");
  EXPECT_EQ(p.message.body, "hi");
  EXPECT_EQ(p.message.kind, MessageKind::kOtp);
  EXPECT_TRUE(p.message.first_message);
  EXPECT_EQ(p.message.messaging_service_id, "MG1");
  EXPECT_EQ(p.message.region, "GB");
  ASSERT_EQ(p.message.media.size(), 1u);
  EXPECT_EQ(p.message.media[0].content_type, "image/png");
  EXPECT_EQ(p.message.media[0].size_bytes, 1200u);
  EXPECT_EQ(p.message.media[0].path, "a.png");
}

TEST(JsonlReaderTest, NumericIdIsKeptAsText) {
  EXPECT_EQ(ParseMessageLine(R"({"id": 42, "body": "x"})", 1).message.id, "42");
}

TEST(JsonlReaderTest, InvalidJsonNamesLineAndOffset) {
  const ParsedLine p = ParseMessageLine(R"({"body": "x")", 7);
  EXPECT_FALSE(p.usable);
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/invalid-json"});
  EXPECT_EQ(ArgOf(p.problems[0], "line"), "7");
  EXPECT_EQ(ArgOf(p.problems[0], "offset"), "12");
}

TEST(JsonlReaderTest, InvalidUtf8InsideJsonIsInvalidJson) {
  const ParsedLine p = ParseMessageLine(std::string("{\"body\": \"a\xFF\"}"), 1);
  EXPECT_FALSE(p.usable);
  EXPECT_EQ(Rules(p), std::vector<std::string>{"input/invalid-json"});
}

TEST(JsonlReaderTest, EmptyLineIsAProblem) {
  EXPECT_EQ(Rules(ParseMessageLine("  ", 2)),
            std::vector<std::string>{"input/invalid-json"});
}

TEST(JsonlReaderTest, WrongTypes) {
  for (const char* line : {R"({"body": 5})", R"({"to": 14155550132})",
                           R"({"first_message": "yes"})", R"({"media": {}})",
                           R"({"media": [{"size_bytes": -1}]})", R"({"kind": "spam"})",
                           R"({"region": 44})",
                           R"([1, 2])", R"("text")"}) {
    const ParsedLine p = ParseMessageLine(line, 1);
    EXPECT_FALSE(p.usable) << line;
    EXPECT_EQ(Rules(p), std::vector<std::string>{"input/wrong-type"}) << line;
  }
}

TEST(JsonlReaderTest, NullIsAbsent) {
  const ParsedLine p = ParseMessageLine(R"({"body": null, "media": null, "kind": null})", 1);
  EXPECT_TRUE(p.usable);
  EXPECT_TRUE(p.problems.empty());
}

TEST(JsonlReaderTest, UnknownFieldsAreWarnedButUsable) {
  const ParsedLine p = ParseMessageLine(R"({"bdy": "x", "media": [{"type": "a"}]})", 1);
  EXPECT_TRUE(p.usable);
  ASSERT_EQ(p.problems.size(), 2u);
  EXPECT_EQ(ArgOf(p.problems[0], "name"), "bdy");
  EXPECT_EQ(ArgOf(p.problems[1], "name"), "media[0].type");
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
