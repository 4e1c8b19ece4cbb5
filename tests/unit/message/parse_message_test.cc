#include "smslint/parse.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "smslint/linter.h"
#include "smslint/report.h"

namespace smslint {
namespace {

std::vector<std::string> Rules(const ParsedMessage& p) {
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

std::vector<std::string> RuleIds(const Report& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(d.rule_id);
  return out;
}

// Every field of a Message as text, so two messages compare in one
// expectation that names the difference.
std::string Describe(const Message& m) {
  std::string s = "id=" + m.id + "\nto=" + m.to + "\nfrom=" + m.from +
                  "\nmessaging_service_id=" + m.messaging_service_id +
                  "\nbody=" + m.body + "\nregion=" + m.region +
                  "\nbrand=" + m.brand + "\nkind=" +
                  std::string(MessageKindName(m.kind)) +
                  "\nfirst_message=" + (m.first_message ? "true" : "false");
  for (const Media& media : m.media) {
    s += "\nmedia=" + media.content_type + "," +
         (media.size_bytes ? std::to_string(*media.size_bytes) : "-") + "," +
         media.path.value_or("-") + "," + media.bytes.value_or("-");
  }
  for (const std::string& d : m.owned_domains) s += "\nowned_domain=" + d;
  for (const std::string& u : m.media_urls) s += "\nmedia_url=" + u;
  s += "\nstatus_callback=" + m.status_callback + "\nvalidity_period=" +
       (m.validity_period ? std::to_string(*m.validity_period) : "-") +
       "\nsend_at=" + m.send_at + "\nschedule_type=" + m.schedule_type;
  return s;
}

TEST(ParseMessageTest, ReadsEveryField) {
  const ParsedMessage p = ParseMessage(
      R"({"id":"m1","to":"+14155550132","from":"+14155550100","body":"hi",)"
      R"("media":[{"content_type":"image/png","size_bytes":1200,"path":"a.png"}],)"
      R"("kind":"otp","first_message":true,"messaging_service_id":"MG1",)"
      R"("region":"GB","brand":"Acme","owned_domains":["acme.com"],)"
      R"("media_url":"https://acme.com/a.png","status_callback":"https://acme.com/cb",)"
      R"("validity_period":600,"send_at":"2026-11-02T09:00:00Z","schedule_type":"fixed"})",
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
  EXPECT_EQ(p.message.brand, "Acme");
  EXPECT_EQ(p.message.owned_domains, std::vector<std::string>{"acme.com"});
  ASSERT_EQ(p.message.media.size(), 1u);
  EXPECT_EQ(p.message.media[0].content_type, "image/png");
  EXPECT_EQ(p.message.media[0].size_bytes, 1200u);
  EXPECT_EQ(p.message.media[0].path, "a.png");
  EXPECT_EQ(p.message.media_urls, std::vector<std::string>{"https://acme.com/a.png"});
  EXPECT_EQ(p.message.status_callback, "https://acme.com/cb");
  EXPECT_EQ(p.message.validity_period, 600);
  EXPECT_EQ(p.message.send_at, "2026-11-02T09:00:00Z");
  EXPECT_EQ(p.message.schedule_type, "fixed");
}

TEST(ParseMessageTest, NumericIdIsKeptAsText) {
  EXPECT_EQ(ParseMessage(R"({"id": 42, "body": "x"})").message.id, "42");
}

TEST(ParseMessageTest, IntegerIdOfAnySizeKeepsItsText) {
  ParsedMessage p = ParseMessage(R"({"id": 18446744073709551616, "body": "x"})");
  EXPECT_TRUE(p.usable);
  EXPECT_TRUE(p.problems.empty());
  EXPECT_EQ(p.message.id, "18446744073709551616");
  p = ParseMessage(R"({"id": -123456789012345678901234567890})");
  EXPECT_EQ(p.message.id, "-123456789012345678901234567890");
  p = ParseMessage(R"({"id": 1.5})");
  EXPECT_FALSE(p.usable);
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/wrong-type"});
  EXPECT_EQ(ArgOf(p.problems[0], "expected"), "a string or an integer");
  // Only the top-level id: elsewhere a huge integer stays a number.
  p = ParseMessage(R"({"media": [{"size_bytes": 18446744073709551616}]})");
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/wrong-type"});
  EXPECT_EQ(ArgOf(p.problems[0], "actual"), "a number");
}

TEST(ParseMessageTest, NumberOutOfRangeSaysWhere) {
  const ParsedMessage p = ParseMessage(R"({"body": "x", "n": 1e400})", 3);
  EXPECT_FALSE(p.usable);
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/invalid-json"});
  EXPECT_EQ(ArgOf(p.problems[0], "reason"), "number out of range");
  EXPECT_EQ(ArgOf(p.problems[0], "offset"), "19");
  EXPECT_EQ(ArgOf(p.problems[0], "line"), "3");
}

TEST(ParseMessageTest, NulByteIsInvalidNotEndOfInput) {
  using namespace std::string_literals;
  // nlohmann's lexer stops at NUL; what follows must not be silently lost.
  ParsedMessage p = ParseMessage("{\"body\":\"hi\"}\0garbage"s, 2);
  EXPECT_FALSE(p.usable);
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/invalid-json"});
  EXPECT_EQ(ArgOf(p.problems[0], "reason"), "NUL byte in the input");
  EXPECT_EQ(ArgOf(p.problems[0], "offset"), "13");
  p = ParseMessage("{\"body\":\"h\0i\"}"s);
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/invalid-json"});
  EXPECT_EQ(ArgOf(p.problems[0], "offset"), "10");
}

TEST(ParseMessageTest, NestingIsBounded) {
  ParsedMessage p = ParseMessage(std::string(4 << 20, '['));
  EXPECT_FALSE(p.usable);
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/invalid-json"});
  EXPECT_EQ(ArgOf(p.problems[0], "reason"), "nesting deeper than 64");
  EXPECT_EQ(ArgOf(p.problems[0], "offset"), "64");
  // Brackets inside strings do not count.
  p = ParseMessage(R"({"body": "[[[{{{\"[[", "x": )" + std::string(70, '[') +
                   std::string(70, ']') + "}");
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/invalid-json"});
  EXPECT_EQ(ArgOf(p.problems[0], "offset"), "91");
  // 64 levels are fine.
  p = ParseMessage(R"({"x": )" + std::string(63, '[') + std::string(63, ']') +
                   R"(, "body": "hi"})");
  EXPECT_EQ(Rules(p), std::vector<std::string>{"input/unknown-field"});
  EXPECT_EQ(p.message.body, "hi");
}

TEST(ParseMessageTest, DuplicateKeysWarnAndTheLastWins) {
  ParsedMessage p = ParseMessage(
      R"({"to": "+14155550132", "body": "a", "body": "b"})", 4);
  EXPECT_TRUE(p.usable);
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/duplicate-key"});
  EXPECT_EQ(ArgOf(p.problems[0], "name"), "body");
  EXPECT_EQ(ArgOf(p.problems[0], "line"), "4");
  EXPECT_EQ(p.message.body, "b");
  p = ParseMessage(
      R"({"media": [{"path": "a"}, {"content_type": "x", "path": "a", "path": "b"}], "body": "x"})");
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/duplicate-key"});
  EXPECT_EQ(ArgOf(p.problems[0], "name"), "media[1].path");
  ASSERT_EQ(p.message.media.size(), 2u);
  EXPECT_EQ(p.message.media[1].path.value_or(""), "b");
  // Same key in two objects, and two spellings of one field, are not this.
  p = ParseMessage(R"({"media": [{"path": "a"}, {"path": "b"}], "to": "+1", "To": "+1"})");
  EXPECT_EQ(Rules(p), std::vector<std::string>{"input/duplicate-field"});
}

TEST(ParseMessageTest, DuplicateKeyRendersWithItsRule) {
  const Linter linter;
  const ParsedMessage p = ParseMessage(R"({"body": "a", "body": "b"})", 2);
  ASSERT_EQ(p.problems.size(), 1u);
  const auto d = linter.MakeDiagnostic(p.problems[0].rule_id, "input",
                                       std::nullopt, p.problems[0].args);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->severity, Severity::kWarning);
  EXPECT_EQ(d->message,
            "key \"body\" is given more than once on line 2; the last value is used");
}

TEST(ParseMessageTest, InvalidJsonNamesLineAndOffset) {
  const ParsedMessage p = ParseMessage(R"({"body": "x")", 7);
  EXPECT_FALSE(p.usable);
  ASSERT_EQ(Rules(p), std::vector<std::string>{"input/invalid-json"});
  EXPECT_EQ(ArgOf(p.problems[0], "line"), "7");
  EXPECT_EQ(ArgOf(p.problems[0], "offset"), "12");
}

TEST(ParseMessageTest, LineNumberDefaultsToOne) {
  const ParsedMessage p = ParseMessage(R"({"bdy": "x"})");
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(ArgOf(p.problems[0], "line"), "1");
}

TEST(ParseMessageTest, InvalidUtf8InsideJsonIsInvalidJson) {
  const ParsedMessage p = ParseMessage(std::string("{\"body\": \"a\xFF\"}"), 1);
  EXPECT_FALSE(p.usable);
  EXPECT_EQ(Rules(p), std::vector<std::string>{"input/invalid-json"});
}

TEST(ParseMessageTest, EmptyLineIsAProblem) {
  EXPECT_EQ(Rules(ParseMessage("  ", 2)),
            std::vector<std::string>{"input/invalid-json"});
}

TEST(ParseMessageTest, WrongTypes) {
  for (const char* line : {R"({"body": 5})", R"({"to": 14155550132})",
                           R"({"first_message": "yes"})", R"({"media": {}})",
                           R"({"media": [{"size_bytes": -1}]})", R"({"kind": "spam"})",
                           R"({"region": 44})", R"({"owned_domains": "a.com"})",
                           R"({"Body": 5})", R"({"From": 14155550100})",
                           R"({"from_": true})", R"({"MessagingServiceSid": 1})",
                           R"({"media_url": 5})", R"({"MediaUrl": {"url": "a"}})",
                           R"({"mediaUrl": ["a", 5]})", R"({"media_url": ["a", null]})",
                           R"({"statusCallback": ["a"]})", R"({"SendAt": 1700000000})",
                           R"({"schedule_type": true})",
                           R"([1, 2])", R"("text")"}) {
    const ParsedMessage p = ParseMessage(line, 1);
    EXPECT_FALSE(p.usable) << line;
    EXPECT_EQ(Rules(p), std::vector<std::string>{"input/wrong-type"}) << line;
  }
}

TEST(ParseMessageTest, WrongTypeNamesTheSpellingGiven) {
  const ParsedMessage p = ParseMessage(R"({"Body": 5})", 3);
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(ArgOf(p.problems[0], "name"), "Body");
  EXPECT_EQ(ArgOf(p.problems[0], "line"), "3");
}

TEST(ParseMessageTest, NullIsAbsent) {
  const ParsedMessage p = ParseMessage(
      R"({"body": null, "media": null, "kind": null, "MediaUrl": null,)"
      R"( "validity_period": null, "first_message": null})");
  EXPECT_TRUE(p.usable);
  EXPECT_TRUE(p.problems.empty());
  EXPECT_TRUE(p.message.media_urls.empty());
  EXPECT_FALSE(p.message.validity_period);
}

TEST(ParseMessageTest, UnknownFieldsAreWarnedButUsable) {
  const ParsedMessage p = ParseMessage(R"({"bdy": "x", "media": [{"type": "a"}]})", 1);
  EXPECT_TRUE(p.usable);
  ASSERT_EQ(p.problems.size(), 2u);
  EXPECT_EQ(ArgOf(p.problems[0], "name"), "bdy");
  EXPECT_EQ(ArgOf(p.problems[1], "name"), "media[0].type");
}

TEST(ParseMessageTest, SpellingsAreCaseSensitive) {
  // Only the spellings of docs/input.md: "TO" and "Media_Url" are typos.
  const ParsedMessage p = ParseMessage(R"({"TO": "+14155550132", "Media_Url": "a"})");
  EXPECT_EQ(Rules(p), (std::vector<std::string>{"input/unknown-field",
                                                "input/unknown-field"}));
  EXPECT_TRUE(p.message.to.empty());
}

// One request in each family of spellings. A GB recipient with a picture by
// URL gives the reports something to differ in (mms/unsupported-country).
TEST(ParseMessageTest, SameMessageInEverySpelling) {
  const std::vector<std::string> spellings = {
      // smslint
      R"({"to": "+447400123456", "from": "+14155550100",)"
      R"( "messaging_service_id": "MG0123456789abcdef0123456789abcdef",)"
      R"( "body": "Your photo is ready", "media_url": ["https://acme.com/a.jpg"],)"
      R"( "status_callback": "https://acme.com/cb", "validity_period": 3600,)"
      R"( "send_at": "2026-11-02T09:00:00Z", "schedule_type": "fixed"})",
      // Twilio REST form (form-encoded: numbers are text)
      R"({"To": "+447400123456", "From": "+14155550100",)"
      R"( "MessagingServiceSid": "MG0123456789abcdef0123456789abcdef",)"
      R"( "Body": "Your photo is ready", "MediaUrl": "https://acme.com/a.jpg",)"
      R"( "StatusCallback": "https://acme.com/cb", "ValidityPeriod": "3600",)"
      R"( "SendAt": "2026-11-02T09:00:00Z", "ScheduleType": "fixed"})",
      // twilio-python keywords
      R"({"to": "+447400123456", "from_": "+14155550100",)"
      R"( "messaging_service_sid": "MG0123456789abcdef0123456789abcdef",)"
      R"( "body": "Your photo is ready", "media_url": ["https://acme.com/a.jpg"],)"
      R"( "status_callback": "https://acme.com/cb", "validity_period": 3600,)"
      R"( "send_at": "2026-11-02T09:00:00Z", "schedule_type": "fixed"})",
      // twilio-node
      R"({"to": "+447400123456", "from": "+14155550100",)"
      R"( "messagingServiceSid": "MG0123456789abcdef0123456789abcdef",)"
      R"( "body": "Your photo is ready", "mediaUrl": "https://acme.com/a.jpg",)"
      R"( "statusCallback": "https://acme.com/cb", "validityPeriod": 3600,)"
      R"( "sendAt": "2026-11-02T09:00:00Z", "scheduleType": "fixed"})",
  };
  // "now" is pinned: the send_at finding names it to the second, and on a
  // slow (sanitizer) build the spellings' Lint calls can straddle a second.
  Options options;
  options.now_unix_seconds = 1796392800;  // 2026-12-04T14:00:00Z
  const Linter linter(options);
  ASSERT_TRUE(linter.ok()) << linter.error();
  const ParsedMessage first = ParseMessage(spellings[0]);
  ASSERT_TRUE(first.usable);
  ASSERT_TRUE(first.problems.empty());
  EXPECT_EQ(first.message.media_urls, std::vector<std::string>{"https://acme.com/a.jpg"});
  EXPECT_EQ(first.message.validity_period, 3600);
  const Report first_report = linter.Lint(first.message);
  const std::vector<std::string> ids = RuleIds(first_report);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "mms/unsupported-country"), ids.end());
  const std::string first_json = ReportToJson(first_report);
  for (size_t i = 1; i < spellings.size(); ++i) {
    SCOPED_TRACE(spellings[i]);
    const ParsedMessage p = ParseMessage(spellings[i]);
    ASSERT_TRUE(p.usable);
    EXPECT_TRUE(p.problems.empty()) << p.problems[0].rule_id;
    EXPECT_EQ(Describe(p.message), Describe(first.message));
    EXPECT_EQ(ReportToJson(linter.Lint(p.message)), first_json);
  }
}

TEST(ParseMessageTest, MediaUrlToGbIsUnsupportedCountry) {
  const Linter linter;
  ASSERT_TRUE(linter.ok()) << linter.error();
  struct Case {
    const char* json;
    std::string count;
  };
  for (const Case& c : {
           Case{R"({"to": "+447400123456", "from": "+14155550100", "body": "Photo",)"
                R"( "media_url": "https://acme.com/a.jpg"})", "1"},
           Case{R"({"to": "+447400123456", "from": "+14155550100", "body": "Photo",)"
                R"( "media_url": ["https://acme.com/a.jpg", "https://acme.com/b.jpg"]})", "2"},
           Case{R"({"To": "+447400123456", "From": "+14155550100", "Body": "Photo",)"
                R"( "MediaUrl": ["https://acme.com/a.jpg"]})", "1"},
       }) {
    SCOPED_TRACE(c.json);
    const ParsedMessage p = ParseMessage(c.json);
    ASSERT_TRUE(p.usable);
    const Report r = linter.Lint(p.message);
    const Diagnostic* mms = nullptr;
    for (const Diagnostic& d : r.diagnostics) {
      if (d.rule_id == "mms/unsupported-country") mms = &d;
      // A URL's size is unknown (an info); nothing else of media applies
      // to these plain image URLs.
      EXPECT_TRUE(!d.rule_id.starts_with("media/") || d.rule_id == "media/size-unknown")
          << d.rule_id;
    }
    ASSERT_NE(mms, nullptr);
    EXPECT_EQ(mms->field, "to");
    EXPECT_EQ(mms->Arg("region"), "GB");
    EXPECT_EQ(mms->Arg("count"), c.count);
  }
  // The same to a US number is fine, and without the URL there is no MMS.
  for (const char* json :
       {R"({"to": "+14155550132", "from": "+14155550100", "body": "Photo",)"
        R"( "media_url": "https://acme.com/a.jpg"})",
        R"({"to": "+447400123456", "from": "+14155550100", "body": "Photo"})"}) {
    const ParsedMessage p = ParseMessage(json);
    ASSERT_TRUE(p.usable);
    const std::vector<std::string> ids = RuleIds(linter.Lint(p.message));
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "mms/unsupported-country"), ids.end())
        << json;
  }
}

TEST(ParseMessageTest, MediaUrlWithoutBodyIsNotEmpty) {
  const Linter linter;
  ASSERT_TRUE(linter.ok()) << linter.error();
  const auto fires_empty = [&](const char* json) {
    const ParsedMessage p = ParseMessage(json);
    EXPECT_TRUE(p.usable) << json;
    const std::vector<std::string> ids = RuleIds(linter.Lint(p.message));
    return std::find(ids.begin(), ids.end(), "body/empty") != ids.end();
  };
  EXPECT_FALSE(fires_empty(R"({"to": "+14155550132", "from": "+14155550100",)"
                           R"( "mediaUrl": ["https://acme.com/a.jpg"]})"));
  EXPECT_TRUE(fires_empty(R"({"to": "+14155550132", "from": "+14155550100",)"
                          R"( "mediaUrl": []})"));
}

// Every pair of spellings of one field, each order: input/duplicate-field,
// and the message is not usable.
TEST(ParseMessageTest, TwoSpellingsOfOneFieldAreAnError) {
  struct Group {
    std::vector<std::string> spellings;
    std::string value;  // JSON
  };
  const std::vector<Group> groups = {
      {{"to", "To"}, R"("+14155550132")"},
      {{"from", "From", "from_"}, R"("+14155550100")"},
      {{"body", "Body"}, R"("Hi")"},
      {{"messaging_service_id", "MessagingServiceSid", "messaging_service_sid",
        "messagingServiceSid"},
       R"("MG0123456789abcdef0123456789abcdef")"},
      {{"media_url", "MediaUrl", "mediaUrl"}, R"("https://acme.com/a.jpg")"},
      {{"status_callback", "StatusCallback", "statusCallback"}, R"("https://acme.com/cb")"},
      {{"validity_period", "ValidityPeriod", "validityPeriod"}, "60"},
      {{"send_at", "SendAt", "sendAt"}, R"("2026-11-02T09:00:00Z")"},
      {{"schedule_type", "ScheduleType", "scheduleType"}, R"("fixed")"},
  };
  for (const Group& g : groups) {
    for (const std::string& a : g.spellings) {
      for (const std::string& b : g.spellings) {
        if (a == b) continue;
        const std::string json = "{\"id\": \"d\", \"" + a + "\": " + g.value + ", \"" + b +
                                 "\": " + g.value + "}";
        SCOPED_TRACE(json);
        const ParsedMessage p = ParseMessage(json, 4);
        EXPECT_FALSE(p.usable);
        ASSERT_EQ(Rules(p), std::vector<std::string>{"input/duplicate-field"});
        // Keys are read in sorted order, whatever their order in the line.
        const std::string& lo = std::min(a, b);
        const std::string& hi = std::max(a, b);
        EXPECT_EQ(ArgOf(p.problems[0], "name"), hi);
        EXPECT_EQ(ArgOf(p.problems[0], "other"), lo);
        EXPECT_EQ(ArgOf(p.problems[0], "line"), "4");
        EXPECT_EQ(p.message.id, "d");  // the report can still name it
      }
    }
  }
  // null is absent, so it does not make a second spelling.
  const ParsedMessage p = ParseMessage(R"({"to": null, "To": "+14155550132"})");
  EXPECT_TRUE(p.usable);
  EXPECT_TRUE(p.problems.empty());
  EXPECT_EQ(p.message.to, "+14155550132");
}

TEST(ParseMessageTest, DuplicateAndWrongTypeAreBothReported) {
  const ParsedMessage p = ParseMessage(R"({"Body": 5, "body": "Hi"})");
  EXPECT_FALSE(p.usable);
  EXPECT_EQ(Rules(p), (std::vector<std::string>{"input/wrong-type",
                                                "input/duplicate-field"}));
}

TEST(ParseMessageTest, ValidityPeriodIntegerOrDigits) {
  const auto parse = [](const std::string& value) {
    return ParseMessage("{\"ValidityPeriod\": " + value + "}");
  };
  for (const auto& [value, want] : std::vector<std::pair<std::string, int64_t>>{
           {"3600", 3600},
           {"\"3600\"", 3600},
           {"\"007\"", 7},
           {"0", 0},
           {"-5", -5},  // a JSON integer as given; a later rule checks the range
           {"\"999999999999999999\"", 999999999999999999},
           {"9223372036854775807", INT64_MAX}}) {
    SCOPED_TRACE(value);
    const ParsedMessage p = parse(value);
    EXPECT_TRUE(p.usable);
    EXPECT_TRUE(p.problems.empty());
    EXPECT_EQ(p.message.validity_period, want);
  }
  for (const std::string value :
       {"\"\"", "\"-5\"", "\"+5\"", "\" 60\"", "\"60s\"", "\"1h\"", "\"3.5\"", "3600.0",
        "3.5", "true", "[60]", "{}", "\"9999999999999999999\"",
        "18446744073709551615"}) {
    SCOPED_TRACE(value);
    const ParsedMessage p = parse(value);
    EXPECT_FALSE(p.usable);
    ASSERT_EQ(Rules(p), std::vector<std::string>{"input/wrong-type"});
    EXPECT_EQ(ArgOf(p.problems[0], "name"), "ValidityPeriod");
    EXPECT_EQ(ArgOf(p.problems[0], "expected"),
              "an integer or a string of decimal digits");
    EXPECT_FALSE(p.message.validity_period);
  }
}

TEST(ParseMessageTest, ProblemsRenderWithTheirRules) {
  // Each problem's arguments are the ones its rule's message names.
  const Linter linter;
  ASSERT_TRUE(linter.ok()) << linter.error();
  const ParsedMessage p = ParseMessage(R"({"from": "+14155550100", "from_": "+1"})", 9);
  ASSERT_EQ(p.problems.size(), 1u);
  const auto d = linter.MakeDiagnostic(p.problems[0].rule_id, "input",
                                       std::nullopt, p.problems[0].args);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->severity, Severity::kError);
  EXPECT_EQ(d->message,
            "field \"from_\" is also given as \"from\" on line 9; give it once");
}

}  // namespace
}  // namespace smslint
