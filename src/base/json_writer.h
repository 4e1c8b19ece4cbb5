// A streaming JSON writer for reports. Hand-written because building an
// nlohmann DOM per report was most of `smslint batch`'s CPU time (measured:
// about 60 % of a million-row run). Output is byte-identical to
// nlohmann::ordered_json::dump() with error_handler_t::replace, which the
// JSON contract was first written with: same escapes (\b \f \n \r \t, other
// controls as \u00xx, no escaping of '/' or non-ASCII), ill-formed UTF-8
// replaced by U+FFFD per maximal subpart, and numbers as nlohmann prints
// them. The golden CLI tests and the schema test hold it to that.
#ifndef SMSLINT_SRC_BASE_JSON_WRITER_H_
#define SMSLINT_SRC_BASE_JSON_WRITER_H_

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace smslint::base {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // A key of the current object; the value follows.
  void Key(std::string_view key) {
    Separator();
    Quote(key);
    out_.push_back(':');
    after_key_ = true;
  }

  void String(std::string_view s) {
    Separator();
    Quote(s);
  }
  void Null() {
    Separator();
    out_ += "null";
  }
  void Bool(bool b) {
    Separator();
    out_ += b ? "true" : "false";
  }
  template <typename Int>
  void Integer(Int v) {
    Separator();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void Double(double v) {
    Separator();
    // Range first: casting a double outside int64's range is undefined.
    if (v > -1e15 && v < 1e15 && v == std::trunc(v) && !(v == 0 && std::signbit(v))) {
      // Integral: nlohmann prints "5.0".
      char buf[24];
      const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(v));
      out_.append(buf, r.ptr);
      out_ += ".0";
    } else {
      // Rare (weights like 0.3): nlohmann's own float formatting, exactly.
      out_ += nlohmann::json(v).dump();
    }
  }

  // Shorthands for "key": value.
  void Field(std::string_view key, std::string_view s) {
    Key(key);
    String(s);
  }
  void FieldOrNull(std::string_view key, std::string_view s) {
    Key(key);
    if (s.empty()) {
      Null();
    } else {
      String(s);
    }
  }

 private:
  void Separator() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (need_comma_) out_.push_back(',');
    need_comma_ = true;
  }
  void Open(char c) {
    Separator();
    out_.push_back(c);
    need_comma_ = false;
  }
  void Close(char c) {
    out_.push_back(c);
    need_comma_ = true;
  }

  void Quote(std::string_view s) {
    out_.push_back('"');
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
      // Runs of plain printable ASCII are copied at once.
      const auto* run = p;
      while (run < end && *run >= 0x20 && *run < 0x80 && *run != '"' && *run != '\\') {
        ++run;
      }
      out_.append(reinterpret_cast<const char*>(p), run - p);
      p = run;
      if (p >= end) break;
      const uint8_t b = *p;
      if (b < 0x80) {
        switch (b) {
          case '"': out_ += "\\\""; break;
          case '\\': out_ += "\\\\"; break;
          case '\b': out_ += "\\b"; break;
          case '\f': out_ += "\\f"; break;
          case '\n': out_ += "\\n"; break;
          case '\r': out_ += "\\r"; break;
          case '\t': out_ += "\\t"; break;
          default: {
            static constexpr char kHex[] = "0123456789abcdef";
            out_ += "\\u00";
            out_.push_back(kHex[b >> 4]);
            out_.push_back(kHex[b & 0xF]);
          }
        }
        ++p;
        continue;
      }
      const Decoded d = DecodeUtf8(p, end);
      if (d.valid) {
        out_.append(reinterpret_cast<const char*>(p), d.len);
      } else {
        out_ += "\xEF\xBF\xBD";  // U+FFFD for the maximal ill-formed subpart
      }
      p += d.len;
    }
    out_.push_back('"');
  }

  std::string& out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

}  // namespace smslint::base

#endif  // SMSLINT_SRC_BASE_JSON_WRITER_H_
