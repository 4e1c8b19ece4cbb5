// The streaming JSON writer prints exactly what nlohmann::json printed for
// the same values (the contract was first written with nlohmann): strings
// of random bytes (controls, quotes, ill-formed UTF-8) and numbers.
#include "base/json_writer.h"

#include <nlohmann/json.hpp>

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace smslint::base {
namespace {

std::string Nlohmann(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(JsonWriterTest, StringsMatchNlohmannOnRandomBytes) {
  std::mt19937 rng(20261127);
  const std::string pool[] = {"a", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x01", "\x1f",
                              "\x7f", "/", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80",
                              "\xFF", "\xC0", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                              "\x80", "\xE0\x80", "\xF0\x9F", " "};
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    const int len = static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) s += pool[rng() % std::size(pool)];
    if (n % 3 == 0) {  // also raw random bytes
      for (int i = 0; i < 6; ++i) s.push_back(static_cast<char>(rng() & 0xFF));
    }
    std::string out;
    JsonWriter w(&out);
    w.String(s);
    w.Finish();
    ASSERT_EQ(out, Nlohmann(s)) << n;
  }
}

// The writer skips 16 bytes at a time past plain ASCII: a character that
// needs a look at every offset of a long run, before and after a block
// edge, and runs of valid multi-byte characters between blocks.
TEST(JsonWriterTest, LongRunsWithOneCharacterAtEveryOffset) {
  const std::string odd[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xC3\xA9",
                             "\xF0\x9F\x98\x80", "\xFF", "\xE2\x82", "\xED\xA0\x80"};
  size_t cases = 0;
  for (const std::string& c : odd) {
    for (size_t at = 0; at <= 70; ++at) {
      for (size_t len : {at, at + 1, at + 15, at + 16, at + 17, size_t{100}}) {
        std::string s(len, 'x');
        for (size_t k = 0; k < len; ++k) s[k] = static_cast<char>('a' + k % 26);
        s.insert(std::min(at, s.size()), c);
        if (len == 100) s += c + std::string(40, 'q') + c;
        std::string out = "prefix";  // appends after what the string held
        JsonWriter w(&out);
        w.String(s);
        w.Finish();
        ASSERT_EQ(out, "prefix" + Nlohmann(s)) << at << " " << len;
        ++cases;
      }
    }
  }
  EXPECT_GT(cases, 4000u);
}

// Keys written in the code take a path without the escape scan; keys made
// at run time (a rule's argument names) take the escaping one. Same JSON.
TEST(JsonWriterTest, LiteralAndRuntimeKeysAgree) {
  std::string a, b;
  {
    JsonWriter w(&a);
    w.BeginObject();
    w.Key("byte_begin");
    w.Integer(3);
    w.Field("rule_id", "x/y");
    w.FieldOrNull("empty", "");
    w.EndObject();
  }
  {
    JsonWriter w(&b);
    w.BeginObject();
    w.Key(std::string_view("byte_begin"));
    w.Integer(3);
    w.Field(std::string("rule_id"), "x/y");
    w.FieldOrNull(std::string_view("empty"), "");
    w.EndObject();
  }
  EXPECT_EQ(a, R"({"byte_begin":3,"rule_id":"x/y","empty":null})");
  EXPECT_EQ(a, b);
  // A runtime key is escaped.
  std::string c;
  JsonWriter w(&c);
  w.BeginObject();
  w.Key(std::string_view("a\"b"));
  w.Null();
  w.EndObject();
  w.Finish();
  EXPECT_EQ(c, R"({"a\"b":null})");
}

TEST(JsonWriterTest, NumbersAndStructureMatchNlohmann) {
  for (double d : {0.0, 5.0, 0.3, 1.25, 2.5, 13.0, 0.1 + 0.2, 1e-7, 123456.789, -4.0, 1e20}) {
    std::string out;
    JsonWriter w(&out);
    w.Double(d);
    w.Finish();
    EXPECT_EQ(out, Nlohmann(d)) << d;
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.Integer(1);
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.Null();
  w.EndArray();
  w.Key("b");
  w.Bool(false);
  w.EndObject();
  w.Finish();
  nlohmann::ordered_json j;
  j["a"] = nlohmann::ordered_json::array({1, nlohmann::ordered_json::object(),
                                          nlohmann::ordered_json::array(), nullptr});
  j["b"] = false;
  EXPECT_EQ(out, Nlohmann(j));
}

}  // namespace
}  // namespace smslint::base
