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
    ASSERT_EQ(out, Nlohmann(s)) << n;
  }
}

TEST(JsonWriterTest, NumbersAndStructureMatchNlohmann) {
  for (double d : {0.0, 5.0, 0.3, 1.25, 2.5, 13.0, 0.1 + 0.2, 1e-7, 123456.789, -4.0, 1e20}) {
    std::string out;
    JsonWriter w(&out);
    w.Double(d);
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
  nlohmann::ordered_json j;
  j["a"] = nlohmann::ordered_json::array({1, nlohmann::ordered_json::object(),
                                          nlohmann::ordered_json::array(), nullptr});
  j["b"] = false;
  EXPECT_EQ(out, Nlohmann(j));
}

}  // namespace
}  // namespace smslint::base
