#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "sinks/csv_sink.h"
#include "sinks/json_sinks.h"
#include "sinks/sarif_sink.h"
#include "sinks/text_sink.h"

namespace smslint::cli {
namespace {

// Runs a sink over records and returns what it wrote.
std::string Drive(Sink& sink, std::FILE* f,
                const std::vector<std::pair<Record, Report>>& items) {
  sink.Begin();
  std::string out;
  for (const auto& [rec, rep] : items) {
    sink.Render(rec, rep, &out);
    sink.Write(rep, out);
  }
  sink.End();
  std::fflush(f);
  std::string text(static_cast<size_t>(std::ftell(f)), '\0');
  std::rewind(f);
  text.resize(std::fread(text.data(), 1, text.size(), f));
  std::fclose(f);
  return text;
}

std::pair<Record, Report> Item(uint64_t row, std::string id) {
  Record rec;
  rec.row = row;
  rec.line = row + 1;
  rec.message.id = id;
  rec.message.to = "+1";
  rec.message.body = "It’s here";
  rec.fields = {id, "+1", "It’s here"};
  Report rep;
  rep.id = id;
  Diagnostic d;
  d.rule_id = "segments/forces-ucs2";
  d.severity = Severity::kWarning;
  d.field = "body";
  d.message = "UCS-2";
  d.span = Span{2, 5, 2, 3};
  rep.diagnostics.push_back(d);
  return {rec, rep};
}

TEST(SinksTest, TextDetailedAndCompactShareTheRenderer) {
  std::FILE* f = std::tmpfile();
  TextSink detailed(f, "m.jsonl", {.color = false, .detail = true}, false);
  EXPECT_EQ(Drive(detailed, f, {Item(3, "a")}),
            "m.jsonl:4: (a) body:1:3: warning: UCS-2 [segments/forces-ucs2]\n"
            "    It’s here\n"
            "      ^\n");
  f = std::tmpfile();
  TextSink compact(f, "c.csv", {.color = false, .detail = false}, true);
  EXPECT_EQ(Drive(compact, f, {Item(3, "a")}),
            "c.csv:4: (row 3) body: warning: UCS-2 [segments/forces-ucs2]\n");
  f = std::tmpfile();
  TextSink colored(f, "c.csv", {.color = true, .detail = false}, true);
  EXPECT_EQ(Drive(colored, f, {Item(3, "a")}),
            "\x1b[1mc.csv:4: (row 3) body:\x1b[0m \x1b[1;33mwarning\x1b[0m: "
            "UCS-2 \x1b[2m[segments/forces-ucs2]\x1b[0m\n");
}

TEST(SinksTest, TextEscapesWhatTheInputSays) {
  auto [rec, rep] = Item(3, "a\x1b[2J");
  rec.message.body = "\x1b]0;x\x07It\xE2\x80\x99s";
  rep.diagnostics[0].span = Span{8, 11, 8, 9};  // the ’
  rep.diagnostics[0].message = "'\xC2\x9B' is odd";
  std::FILE* f = std::tmpfile();
  TextSink detailed(f, "in\x1b.jsonl", {.color = false, .detail = true}, false);
  EXPECT_EQ(Drive(detailed, f, {{rec, rep}}),
            "in\\x1b.jsonl:4: (a\\x1b[2J) body:1:9: warning: '\\u{9b}' is odd "
            "[segments/forces-ucs2]\n"
            "    \\x1b]0;x\\x07It\xE2\x80\x99s\n"
            "                  ^\n");
}

TEST(SinksTest, TextExcerptOfAHugeRowIsAWindow) {
  auto [rec, rep] = Item(1, "a");
  rec.message.body = std::string(1 << 20, '\x01') + "\xE2\x80\x99" +
                     std::string(1 << 20, 'x');
  const uint32_t at = 1 << 20;
  rep.diagnostics[0].span = Span{at, at + 3, at, at + 1};
  std::FILE* f = std::tmpfile();
  TextSink detailed(f, "m", {.color = false, .detail = true}, false);
  const std::string out = Drive(detailed, f, {{rec, rep}});
  EXPECT_NE(out.find("body:1:1048577:"), std::string::npos);
  // 30 shown code points (7 and a half \x01) before the caret, "..." on both sides.
  EXPECT_NE(out.find("    ...01\\x01"), std::string::npos) << out;
  EXPECT_NE(out.find("\xE2\x80\x99xxx"), std::string::npos);
  EXPECT_NE(out.find("x...\n" + std::string(4 + 33, ' ') + "^\n"), std::string::npos) << out;
  EXPECT_LT(out.size(), 1000u);
}

TEST(SinksTest, SarifUriIsPercentEncoded) {
  EXPECT_EQ(PathToUri("data/contacts.csv"), "data/contacts.csv");
  EXPECT_EQ(PathToUri("my list #2 100%?.csv"), "my%20list%20%232%20100%25%3F.csv");
  EXPECT_EQ(PathToUri("/tmp/Müller.csv"), "/tmp/M%C3%BCller.csv");
  EXPECT_EQ(PathToUri("C:\\lists\\a.csv"), "C%3A%5Clists%5Ca.csv");
  EXPECT_EQ(PathToUri("a:b.csv"), "a%3Ab.csv");  // not a scheme
  std::FILE* f = std::tmpfile();
  SarifSink sink(f, "my list #2.csv", nullptr);
  const std::string out = Drive(sink, f, {Item(1, "a")});
  EXPECT_NE(out.find("\"uri\":\"my%20list%20%232.csv\""), std::string::npos) << out;
}

TEST(SinksTest, JsonDocumentSeparatesReportsAndCounts) {
  std::FILE* f = std::tmpfile();
  JsonSink sink(f, "m.jsonl");
  const std::string out = Drive(sink, f, {Item(1, "a"), Item(2, "b")});
  EXPECT_EQ(out.rfind("{\"format_version\":1,\"tool\":", 0), 0u);
  EXPECT_NE(out.find("}},{\"format_version\""), std::string::npos);
  EXPECT_NE(out.find("],\"summary\":{\"messages\":2,\"errors\":0,\"warnings\":2,"
                     "\"infos\":0}}\n"),
            std::string::npos);
}

TEST(SinksTest, JsonlAddsTheRowForBatch) {
  std::FILE* f = std::tmpfile();
  JsonlSink batch(f, true);
  EXPECT_TRUE(batch.streams());
  const std::string out = Drive(batch, f, {Item(1, "a")});
  EXPECT_NE(out.find("\"line\":2,\"row\":1"), std::string::npos);
  EXPECT_EQ(out.back(), '\n');
  f = std::tmpfile();
  JsonlSink check(f, false);
  EXPECT_EQ(Drive(check, f, {Item(1, "a")}).find("\"row\""), std::string::npos);
}

TEST(SinksTest, CsvEchoesFieldsAndQuotes) {
  std::FILE* f = std::tmpfile();
  CsvSink sink(f, {"id", "to", "body"}, ';');
  auto item = Item(1, "a;b");
  const std::string out = Drive(sink, f, {item});
  EXPECT_EQ(out.substr(0, out.find("\r\n")),
            "id;to;body;smslint_status;smslint_errors;smslint_warnings;"
            "smslint_e164;smslint_segments;smslint_encoding;"
            "smslint_risk_score;smslint_risk_band;smslint_rules;smslint_message");
  EXPECT_NE(out.find("\r\n\"a;b\";+1;It’s here;warning;0;1;;"), std::string::npos);
}

TEST(SinksTest, SarifSeparatesResultsAndListsRules) {
  std::FILE* f = std::tmpfile();
  SarifSink sink(f, "c.csv", [](std::string_view field) {
    return field == "body" ? std::string("Message") : std::string();
  });
  auto empty = Item(2, "b");
  empty.second.diagnostics.clear();
  const std::string out = Drive(sink, f, {Item(1, "a"), empty, Item(3, "c")});
  EXPECT_EQ(out.rfind("{\"$schema\":", 0), 0u);
  EXPECT_NE(out.find("}},{\"ruleId\""), std::string::npos);  // one comma
  EXPECT_EQ(out.find(",,"), std::string::npos);
  EXPECT_NE(out.find("\"column\":\"Message\""), std::string::npos);
  EXPECT_NE(out.find("\"rules\":[{\"id\":\"segments/forces-ucs2\""), std::string::npos);
}

}  // namespace
}  // namespace smslint::cli
