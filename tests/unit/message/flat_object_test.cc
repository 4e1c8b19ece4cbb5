// ParseMessage's fast path for flat objects (src/message/flat_object.h)
// against the general parser (nlohmann's), on edge cases and on 30,000
// mutations of real lines: the same message, problems and usability for
// every input, and the fast path taken for most valid lines.
#include "message/flat_object.h"

#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "message/parse_general.h"
#include "smslint/parse.h"

namespace smslint::internal {
namespace {

std::string Dump(const ParsedMessage& p) {
  const Message& m = p.message;
  std::string out = "usable=" + std::to_string(p.usable) + "\n";
  for (const auto& s : {m.id, m.to, m.from, m.messaging_service_id, m.body, m.region, m.brand,
                        m.status_callback, m.send_at, m.schedule_type}) {
    out += "[" + s + "]";
  }
  out += " kind=" + std::string(MessageKindName(m.kind)) +
         " first=" + std::to_string(m.first_message) +
         " validity=" + (m.validity_period ? std::to_string(*m.validity_period) : "-");
  for (const auto& d : m.owned_domains) out += " domain=" + d;
  for (const auto& u : m.media_urls) out += " url=" + u;
  for (const auto& md : m.media) {
    out += " media=" + md.content_type + "/" + (md.path ? *md.path : "-") + "/" +
           (md.bytes ? *md.bytes : "-") + "/" +
           (md.size_bytes ? std::to_string(*md.size_bytes) : "-");
  }
  for (const auto& pr : p.problems) {
    out += "\n" + pr.rule_id;
    for (const auto& [k, v] : pr.args) out += " " + k + "=" + v;
  }
  return out;
}

void ExpectSame(const std::string& line) {
  EXPECT_EQ(Dump(ParseMessage(line, 7)), Dump(ParseMessageGeneral(line, 7))) << line;
}

TEST(FlatObjectTest, EdgeCasesParseAsTheGeneralParserDoes) {
  const std::vector<std::string> lines = {
      R"({"to":"+14155550100","body":"hi"})",
      R"(  { "to" : "+1415" , "body" : "a\nb\t\"q\" \\ \/ \b\f\r" }  )",
      "{\"body\":\"caf\xC3\xA9 \xF0\x9F\x98\x80\"}",
      R"({"body":"\u00e9\u20AC\ud83d\ude00"})",
      R"({"body":"\ud83d"})", R"({"body":"\ude00"})", R"({"body":"\ud83d\u0041"})",
      R"({"body":"\ud83dx"})", R"({"body":"\u12"})", R"({"body":"\u00zz"})",
      R"({"body":"a\u0000b"})", R"({"body":"\x"})", R"({"body":"\'"})",
      "{\"body\":\"a\x01b\"}", "{\"body\":\"a\tb\"}", "{\"body\":\"\xC0\xAF\"}",
      "{\"body\":\"\xED\xA0\x80\"}", "{\"body\":\"\xF4\x90\x80\x80\"}", "{\"body\":\"\xE2\x82\"}",
      "{\"body\":\"\xFF\"}", "\xEF\xBB\xBF{\"body\":\"bom\"}",
      R"({})", R"( {} )", R"({"body":"x"} garbage)", R"({"body":"x"},)", R"({"body":"x",})",
      R"({"body":truex})", R"({"body":tru})", R"({"first_message":true})",
      R"({"first_message":false,"body":"x"})", R"({"first_message":"yes"})",
      R"({"body":true})", R"({"body":null,"Body":"x"})", R"({"to":"1","To":"2"})",
      R"({"to":"1","to":"2"})", R"({"tó":"x"})", R"({"t\u006f":"+1415"})",
      R"({"unknown":"x","body":"y"})", R"({"kind":"otp"})", R"({"kind":"nope"})",
      R"({"id":"a1","id":"a2"})", R"({"id":123})", R"({"id":123456789012345678901234})",
      R"({"validity_period":60})", R"({"media_url":["https://x/a.jpg"]})",
      R"({"media":[{"content_type":"image/png"}]})", R"({"owned_domains":["a.com"]})",
      R"({"body":"x")", R"({"body")", R"({"body":)", R"({)", R"(})", R"([])", R"("x")",
      R"(null)", R"(5)", "{\"body\":\"x\"}\r", "{\"body\":\"x\"}\n", "{\n\"body\":\"x\"\r\n}",
      "{\"body\":\"x\"\x0b}", "{\"body\"\f:\"x\"}", R"({"body":"x"}{"body":"y"})",
      R"({"region":"GB","to":"020 7946 0000"})", R"({"brand":"Acme","from":"ACME"})",
      R"({"status_callback":"https://x","send_at":"2026-01-01T00:00:00Z","schedule_type":"fixed"})",
      R"({"MessagingServiceSid":"MG1","messaging_service_id":"MG2"})",
  };
  for (const std::string& l : lines) ExpectSame(l);
  // Many keys: the general parser (the fast path's key check is linear).
  std::string many = "{";
  for (int i = 0; i < 100; ++i) many += "\"k" + std::to_string(i) + "\":\"v\",";
  many += "\"body\":\"x\"}";
  ExpectSame(many);
}

TEST(FlatObjectTest, MutatedLinesParseAsTheGeneralParserDoes) {
  const std::vector<std::string> seeds = {
      R"({"to": "+14155554240", "body": "Reply C to confirm.\nYour balance is $61.88."})",
      "{\"to\":\"+447700900123\",\"from\":\"Acme\",\"body\":\"Caf\xC3\xA9 \xF0\x9F\x8E\x81 \\u00e9 \\ud83d\\ude00\"}",
      R"({"id":"r1","To":"(415) 555-0132","region":"US","Body":"Text STOP to 12345","first_message":true,"kind":null})",
  };
  const std::string alphabet = "{}[]:,\"\\ntu0aeE-+.\x80\xC3\xA9\xF0\xFF \t";
  std::mt19937 rng(20261203);
  size_t fast = 0;
  for (int n = 0; n < 30000; ++n) {
    std::string l = seeds[n % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % (l.size() + 1);
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: l.insert(l.begin() + static_cast<long>(at), c); break;
        case 1: if (at < l.size()) l.erase(at, 1); break;
        default: if (at < l.size()) l[at] = c;
      }
    }
    if (ReadFlatObject(l)) ++fast;
    ExpectSame(l);
    if (HasFailure()) return;
  }
  // Many mutations leave a valid flat line (a letter changed in a string).
  EXPECT_GT(fast, 3000u);
  for (const std::string& s : seeds) EXPECT_TRUE(ReadFlatObject(s).has_value()) << s;
}

}  // namespace
}  // namespace smslint::internal
