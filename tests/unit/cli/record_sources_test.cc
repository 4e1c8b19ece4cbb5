#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "records/csv_source.h"
#include "records/jsonl_source.h"

namespace smslint::cli {
namespace {

// A FILE* holding `text`, closed at the end of the test.
struct TempInput {
  explicit TempInput(const std::string& text) : f(std::tmpfile()) {
    std::fwrite(text.data(), 1, text.size(), f);
    std::rewind(f);
  }
  ~TempInput() { std::fclose(f); }
  std::FILE* f;
};

std::vector<Record> ReadAll(RecordSource& s) {
  std::vector<Record> out;
  Record r;
  while (s.Next(r)) out.push_back(r);
  return out;
}

TEST(JsonlSourceTest, PositionsBomLongLinesAndBrokenLines) {
  TempInput in("\xEF\xBB\xBF{\"id\":\"a\",\"to\":\"+14155550132\",\"body\":\"hi\"}\n"
               "not json\r\n"
               "{\"body\":\"" + std::string(100, 'x') + "\"}\n"
               "{\"body\":\"x\",\"bdy\":1}");
  JsonlSource s(in.f, "m.jsonl", 64);
  const std::vector<Record> rs = ReadAll(s);
  ASSERT_EQ(rs.size(), 4u);
  EXPECT_EQ(rs[0].row, 1u);
  EXPECT_EQ(rs[0].line, 1u);
  EXPECT_EQ(rs[0].offset, 0u);
  EXPECT_TRUE(rs[0].usable);  // the BOM is not content
  EXPECT_EQ(rs[0].message.id, "a");
  EXPECT_EQ(rs[0].fields, (std::vector<std::string>{"a", "+14155550132", "", "hi"}));
  EXPECT_EQ(rs[1].line, 2u);
  EXPECT_EQ(rs[1].offset, 46u);
  EXPECT_FALSE(rs[1].usable);
  ASSERT_EQ(rs[1].problems.size(), 1u);
  EXPECT_EQ(rs[1].problems[0].rule_id, "input/invalid-json");
  EXPECT_EQ(rs[1].fields, std::vector<std::string>{"not json"});
  EXPECT_TRUE(rs[2].too_long);
  EXPECT_FALSE(rs[2].usable);
  EXPECT_EQ(rs[2].problems[0].rule_id, "input/invalid-json");
  EXPECT_EQ(rs[3].row, 4u);
  EXPECT_TRUE(rs[3].usable);
  ASSERT_EQ(rs[3].problems.size(), 1u);
  EXPECT_EQ(rs[3].problems[0].rule_id, "input/unknown-field");
  EXPECT_EQ(s.io_error(), "");
}

TEST(JsonlSourceTest, DefaultsFillOnlyWhatIsMissing) {
  TempInput in("{\"body\":\"a\"}\n{\"body\":\"b\",\"from\":\"+1\",\"kind\":\"otp\"}\n"
               "{\"body\":\"c\",\"messaging_service_id\":\"MG1\"}\n");
  JsonlSource s(in.f, "m.jsonl", 1 << 20,
                {.from = "+14155550100", .kind = MessageKind::kMarketing,
                 .first_message = true});
  const std::vector<Record> rs = ReadAll(s);
  ASSERT_EQ(rs.size(), 3u);
  EXPECT_EQ(rs[0].message.from, "+14155550100");
  EXPECT_EQ(rs[0].message.kind, MessageKind::kMarketing);
  EXPECT_TRUE(rs[0].message.first_message);
  EXPECT_EQ(rs[1].message.from, "+1");
  EXPECT_EQ(rs[1].message.kind, MessageKind::kOtp);
  EXPECT_EQ(rs[2].message.from, "");  // a messaging service sends it
}

std::unique_ptr<CsvSource> OpenCsv(std::istringstream& in, CsvSourceOptions o,
                                   std::vector<std::string>* messages) {
  return CsvSource::Open(std::make_unique<CsvReader>(in), std::move(o), messages);
}

TEST(CsvSourceTest, DetectsColumnsAndDecodesRows) {
  std::istringstream in(
      "Contact ID,Phone Number,Message,Type,First,Media Size\n"
      "1,+14155550132,hi,OTP,yes,\n"
      "\n"
      "2,+14155550133,\"two\nlines\",weird,maybe,-5\n"
      "3,+14155550134,short\n");
  std::vector<std::string> messages;
  auto s = OpenCsv(in, {.name = "c.csv", .defaults = {.from = "+14155550100"}},
                   &messages);
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(messages.empty());
  EXPECT_EQ(s->ColumnOf("to"), "Phone Number");
  EXPECT_EQ(s->ColumnOf("body"), "Message");
  EXPECT_EQ(s->ColumnOf("from"), "");
  const std::vector<Record> rs = ReadAll(*s);
  ASSERT_EQ(rs.size(), 3u);
  EXPECT_EQ(rs[0].row, 1u);
  EXPECT_EQ(rs[0].line, 2u);
  EXPECT_EQ(rs[0].message.id, "1");
  EXPECT_EQ(rs[0].message.to, "+14155550132");
  EXPECT_EQ(rs[0].message.from, "+14155550100");
  EXPECT_EQ(rs[0].message.kind, MessageKind::kOtp);
  EXPECT_TRUE(rs[0].message.first_message);
  EXPECT_TRUE(rs[0].problems.empty());
  // The blank line is not a row but counts as a line.
  EXPECT_EQ(rs[1].row, 2u);
  EXPECT_EQ(rs[1].line, 4u);
  EXPECT_EQ(rs[1].message.body, "two\nlines");
  ASSERT_EQ(rs[1].problems.size(), 3u);  // kind, first_message, media size
  for (const InputProblem& p : rs[1].problems) EXPECT_EQ(p.rule_id, "input/wrong-type");
  EXPECT_TRUE(rs[1].usable);
  EXPECT_EQ(rs[2].line, 6u);
  EXPECT_FALSE(rs[2].usable);
  EXPECT_EQ(rs[2].message.id, "3");
  ASSERT_EQ(rs[2].problems.size(), 1u);
  EXPECT_EQ(rs[2].problems[0].rule_id, "input/csv-malformed");
}

TEST(CsvSourceTest, ExplicitColumnsAndTemplate) {
  std::istringstream in("name,cell,other\nAda,+14155550132,x\n");
  TemplateError error;
  CsvSourceOptions o;
  o.name = "c.csv";
  o.columns = {{kTo, "CELL"}};
  o.body_template = MessageTemplate::Parse("Hi {{ name }}!", &error);
  std::vector<std::string> messages;
  auto s = OpenCsv(in, std::move(o), &messages);
  ASSERT_NE(s, nullptr);
  const std::vector<Record> rs = ReadAll(*s);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].message.to, "+14155550132");
  EXPECT_EQ(rs[0].message.body, "Hi Ada!");
  EXPECT_EQ(s->ColumnOf("body"), "");  // templated
}

TEST(CsvSourceTest, MissingColumnsAreUsageErrors) {
  std::istringstream in("name,phone\n");
  CsvSourceOptions o;
  o.name = "c.csv";
  o.columns = {{kFrom, "sender"}};
  std::vector<std::string> messages;
  EXPECT_EQ(OpenCsv(in, std::move(o), &messages), nullptr);
  EXPECT_EQ(messages, std::vector<std::string>{
                          "--column from=sender: the header of c.csv has no "
                          "column \"sender\""});
  std::istringstream in2("name,phone\n");
  TemplateError error;
  CsvSourceOptions t;
  t.name = "c.csv";
  t.body_template = MessageTemplate::Parse("{{a}} {{b}}", &error);
  messages.clear();
  EXPECT_EQ(OpenCsv(in2, std::move(t), &messages), nullptr);
  EXPECT_EQ(messages.size(), 2u);
}

TEST(ColumnsTest, ParsesSpecs) {
  std::string error;
  auto c = ParseColumnSpec(" To = Phone ", &error);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->first, kTo);
  EXPECT_EQ(c->second, "Phone");
  EXPECT_FALSE(ParseColumnSpec("nope=x", &error));
  EXPECT_NE(error.find("unknown key \"nope\""), std::string::npos);
  EXPECT_FALSE(ParseColumnSpec("to", &error));
  EXPECT_NE(error.find("write to=HEADER"), std::string::npos);
}

}  // namespace
}  // namespace smslint::cli
