#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "records/columns.h"
#include "records/csv_source.h"
#include "records/encoding.h"
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
  CsvSourceOptions options;
  options.name = "c.csv";
  options.defaults.from = "+14155550100";
  auto s = OpenCsv(in, options, &messages);
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

TEST(CsvSourceTest, MediaUrlAndStatusCallbackColumns) {
  std::istringstream in(
      "phone,message,Media URLs,Status Callback\n"
      "+14155550132,hi,\"https://a.example.org/1.png | https://a.example.org/2.png "
      "\nhttps://a.example.org/3.png?a=1,2\", https://hooks.example.org/s \n");
  CsvSourceOptions o;
  o.name = "c.csv";
  std::vector<std::string> messages;
  auto s = OpenCsv(in, std::move(o), &messages);
  ASSERT_NE(s, nullptr);
  const std::vector<Record> rs = ReadAll(*s);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].message.media_urls,
            (std::vector<std::string>{"https://a.example.org/1.png", "https://a.example.org/2.png",
                                      "https://a.example.org/3.png?a=1,2"}));
  EXPECT_EQ(rs[0].message.status_callback, "https://hooks.example.org/s");
  EXPECT_EQ(s->ColumnOf("media_url[1]"), "Media URLs");
  EXPECT_EQ(s->ColumnOf("status_callback"), "Status Callback");
}

TEST(ColumnsTest, SplitMediaUrls) {
  EXPECT_TRUE(SplitMediaUrls("").empty());
  EXPECT_TRUE(SplitMediaUrls(" | \t|").empty());
  EXPECT_EQ(SplitMediaUrls("a|b c\td\r\ne"),
            (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(SplitMediaUrls("https://x.org/a,b.png"),
            std::vector<std::string>{"https://x.org/a,b.png"});
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

CsvSourceOptions Named(std::string name) {
  CsvSourceOptions o;
  o.name = std::move(name);
  return o;
}

// `text` as UTF-16 (LE or BE), with or without a byte order mark.
std::string Utf16(std::string_view text, bool le, bool bom) {
  std::string out;
  if (bom) out += le ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : text) {
    if (le) {
      out += c;
      out += '\0';
    } else {
      out += '\0';
      out += c;
    }
  }
  return out;
}

TEST(EncodingTest, SniffsUtf16AndUtf32) {
  EXPECT_EQ(SniffEncoding(Utf16("to,body\n", true, true))->name, "UTF-16 LE");
  EXPECT_EQ(SniffEncoding(Utf16("to,body\n", false, true))->name, "UTF-16 BE");
  EXPECT_EQ(SniffEncoding(std::string("\xFF\xFE\0\0t\0\0\0", 8))->name, "UTF-32 LE");
  EXPECT_EQ(SniffEncoding(std::string("\0\0\xFE\xFF\0\0\0t", 8))->name, "UTF-32 BE");
  const auto le = SniffEncoding(Utf16("phone,message\r\n+1,hi\r\n", true, false));
  ASSERT_TRUE(le);
  EXPECT_EQ(le->name, "UTF-16 LE");
  EXPECT_EQ(le->iconv, "UTF-16LE");
  EXPECT_EQ(SniffEncoding(Utf16("{\"to\":1}\n", false, false))->name, "UTF-16 BE");
  // UTF-8, with or without its BOM, short lines, a stray NUL: not flagged.
  EXPECT_FALSE(SniffEncoding("\xEF\xBB\xBFphone,message\n"));
  EXPECT_FALSE(SniffEncoding("phone,message\n"));
  EXPECT_FALSE(SniffEncoding(std::string("a\0\n", 3)));
  EXPECT_FALSE(SniffEncoding(std::string("ab\0cd\0\n", 7)));
  EXPECT_FALSE(SniffEncoding(""));
  EXPECT_EQ(ForeignEncodingMessage("lists/c.csv", *le, ".csv"),
            "lists/c.csv: this is UTF-16 LE text (it has no byte order mark, "
            "but every other byte of its first line is NUL); smslint reads "
            "UTF-8 only: convert it first, e.g. iconv -f UTF-16LE -t UTF-8 "
            "lists/c.csv > lists/c-utf8.csv");
  EXPECT_NE(ForeignEncodingMessage("<stdin>", *le, ".jsonl").find(" in.jsonl > in-utf8.jsonl"),
            std::string::npos);
}

TEST(EncodingTest, SourcesRefuseUtf16) {
  std::istringstream csv(Utf16("phone,message\r\n+14155550132,hi\r\n", true, true));
  std::vector<std::string> messages;
  EXPECT_EQ(OpenCsv(csv, Named("c.csv"), &messages), nullptr);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0],
            "c.csv: this is UTF-16 LE text (it starts with the byte order "
            "mark FF FE); smslint reads UTF-8 only: convert it first, e.g. "
            "iconv -f UTF-16 -t UTF-8 c.csv > c-utf8.csv");
  TempInput jsonl(Utf16("{\"body\":\"hi\"}\n{\"body\":\"x\"}\n", false, false));
  JsonlSource s(jsonl.f, "m.jsonl", 1 << 20);
  EXPECT_NE(s.CheckEncoding().find("UTF-16 BE"), std::string::npos);
  // A UTF-8 input reads as before after the check, from its first line.
  TempInput ok("\xEF\xBB\xBF{\"id\":\"a\"}\n{\"id\":\"b\"}\n");
  JsonlSource t(ok.f, "m.jsonl", 1 << 20);
  EXPECT_EQ(t.CheckEncoding(), "");
  const std::vector<Record> rs = ReadAll(t);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].message.id, "a");
  EXPECT_EQ(rs[1].message.id, "b");
  TempInput empty("");
  JsonlSource u(empty.f, "m.jsonl", 1 << 20);
  EXPECT_EQ(u.CheckEncoding(), "");
  EXPECT_TRUE(ReadAll(u).empty());
}

TEST(CsvSourceTest, WarnsOnceWhenNoRecipientOrBodyColumnIsFound) {
  std::istringstream in("name;cell,message\nAda;+1,hi\nBo;+2,yo\n");
  std::vector<std::string> messages;
  auto s = OpenCsv(in, Named("c.csv"), &messages);
  ASSERT_NE(s, nullptr);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0],
            "warning: c.csv: no recipient column in the header (fields, split "
            "at ',': \"name;cell\", \"message\"; looked for: to, phone, "
            "phonenumber, mobile, mobilenumber, cell, number, msisdn, "
            "recipient, tel); every row will be to/missing: use --column "
            "to=NAME");
  EXPECT_EQ(ReadAll(*s).size(), 2u);
  std::istringstream in2("phone\x1b[1mX\x07\n+1\n");
  messages.clear();
  ASSERT_NE(OpenCsv(in2, Named("c.csv"), &messages), nullptr);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("\"phone\\x1b[1mX\\x07\""), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("no message column"), std::string::npos);
  EXPECT_NE(messages[1].find("looked for: body, message, text, sms)"), std::string::npos);
}

TEST(CsvSourceTest, InvisibleCharactersInHeaderNamesAreIgnored) {
  // A BOM inside the first name (two files concatenated), a zero-width
  // space in another, and a template placeholder naming it plainly.
  std::istringstream in("\xEF\xBB\xBF\xEF\xBB\xBFPhone,Na\xE2\x80\x8Bme\n+14155550132,Ada\n");
  TemplateError error;
  CsvSourceOptions o;
  o.name = "c.csv";
  o.body_template = MessageTemplate::Parse("Hi {{name}}", &error);
  std::vector<std::string> messages;
  auto s = OpenCsv(in, std::move(o), &messages);
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(messages.empty()) << messages[0];
  const std::vector<Record> rs = ReadAll(*s);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].message.to, "+14155550132");
  EXPECT_EQ(rs[0].message.body, "Hi Ada");
}

TEST(CsvSourceTest, TemplateBodyIsHeldToTheFieldLimit) {
  std::istringstream in("phone,x\n+14155550132," + std::string(1000, 'a') + "\n+1,b\n");
  TemplateError error;
  CsvSourceOptions o;
  o.name = "c.csv";
  o.csv.max_field_bytes = 4096;
  o.body_template = MessageTemplate::Parse("{{x}}{{x}}{{x}}{{x}}{{x}}", &error);
  std::vector<std::string> messages;
  auto s = OpenCsv(in, std::move(o), &messages);
  ASSERT_NE(s, nullptr);
  const std::vector<Record> rs = ReadAll(*s);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_FALSE(rs[0].usable);
  EXPECT_TRUE(rs[0].message.body.empty());
  ASSERT_EQ(rs[0].problems.size(), 1u);
  EXPECT_EQ(rs[0].problems[0].rule_id, "input/csv-malformed");
  EXPECT_NE(rs[0].problems[0].args[3].second.find("longer than 4096 bytes"),
            std::string::npos);
  EXPECT_TRUE(rs[1].usable);
  EXPECT_EQ(rs[1].message.body, "bbbbb");
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
