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
#include <cstring>
#include <algorithm>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base/utf8.h"

namespace smslint::base {

// Writes into the string's own buffer through a position of its own (the
// string is grown by doubling and trimmed at the end): std::string's
// push_back and append were half of a report's instructions (callgrind on
// 1,000 realistic reports: 92 k instructions each, 19 % push_back alone).
// The string holds only what was written once Finish() has run, or the
// writer is gone.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(*out), pos_(out->size()) {}
  ~JsonWriter() { Finish(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // Trims the string to what was written (writing may go on after).
  void Finish() { out_.resize(pos_); }

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // A key of the current object; the value follows.
  void Key(std::string_view key) {
    Separator();
    Quote(key);
    Put(':');
    after_key_ = true;
  }
  // A key written in the code: copied without the escape scan (most keys;
  // a report has a few hundred). It must need no escaping.
  template <size_t N>
  void Key(const char (&key)[N]) {
    static_assert(N > 1);
    Separator();
    char* w = Reserve(N + 2);
    w[0] = '"';
    std::memcpy(w + 1, key, N - 1);
    w[N] = '"';
    w[N + 1] = ':';
    pos_ += N + 2;
    after_key_ = true;
  }

  void String(std::string_view s) {
    Separator();
    Quote(s);
  }
  void Null() {
    Separator();
    Put("null");
  }
  void Bool(bool b) {
    Separator();
    Put(b ? std::string_view("true") : std::string_view("false"));
  }
  template <typename Int>
  void Integer(Int v) {
    Separator();
    char* w = Reserve(24);
    pos_ = std::to_chars(w, w + 24, v).ptr - out_.data();
  }
  void Double(double v) {
    Separator();
    // Range first: casting a double outside int64's range is undefined.
    if (v > -1e15 && v < 1e15 && v == std::trunc(v) && !(v == 0 && std::signbit(v))) {
      // Integral: nlohmann prints "5.0".
      char* w = Reserve(26);
      char* e = std::to_chars(w, w + 24, static_cast<int64_t>(v)).ptr;
      e[0] = '.';
      e[1] = '0';
      pos_ = e + 2 - out_.data();
    } else {
      // Rare (weights like 0.3): nlohmann's own float formatting, exactly.
      Put(nlohmann::json(v).dump());
    }
  }

  // Shorthands for "key": value (Key's two kinds of key).
  template <typename K>
  void Field(const K& key, std::string_view s) {
    Key(key);
    String(s);
  }
  template <typename K>
  void FieldOrNull(const K& key, std::string_view s) {
    Key(key);
    if (s.empty()) {
      Null();
    } else {
      String(s);
    }
  }

 private:
  // Where the next n bytes go.
  [[gnu::always_inline]] char* Reserve(size_t n) {
    if (out_.size() - pos_ < n) [[unlikely]] Grow(n);
    return out_.data() + pos_;
  }
  [[gnu::noinline]] void Grow(size_t n) {
    out_.resize(std::max(2 * out_.size(), pos_ + n + 256));
  }
  [[gnu::always_inline]] void Put(char c) {
    *Reserve(1) = c;
    ++pos_;
  }
  [[gnu::always_inline]] void Put(std::string_view s) {
    std::memcpy(Reserve(s.size()), s.data(), s.size());
    pos_ += s.size();
  }
  void Put(const uint8_t* begin, const uint8_t* end) {
    Put(std::string_view(reinterpret_cast<const char*>(begin), end - begin));
  }

  void Separator() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (need_comma_) Put(',');
    need_comma_ = true;
  }
  void Open(char c) {
    Separator();
    Put(c);
    need_comma_ = false;
  }
  void Close(char c) {
    Put(c);
    need_comma_ = true;
  }

  // Whether byte b is written as it is (valid UTF-8 sequences aside).
  static bool Plain(uint8_t b) { return b >= 0x20 && b < 0x80 && b != '"' && b != '\\'; }

  void Quote(std::string_view s) {
    Put('"');
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto* end = p + s.size();
    const uint8_t* run = p;  // copied at once when something else comes
    while (p < end) {
#ifdef __SSE2__
      // 16 bytes at a time past plain ASCII: a signed compare below 0x20
      // also flags every byte from 0x80, which goes to the decoder below.
      while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i odd = _mm_or_si128(
            _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                         _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
        const int mask = _mm_movemask_epi8(odd);
        if (mask == 0) {
          p += 16;
          continue;
        }
        p += __builtin_ctz(static_cast<unsigned>(mask));
        break;
      }
      if (p >= end) break;
#endif
      const uint8_t b = *p;
      if (Plain(b)) {
        ++p;
        continue;
      }
      if (b >= 0x80) {
        const Decoded d = DecodeUtf8(p, end);
        if (!d.valid) {
          Put(run, p);
          Put("\xEF\xBF\xBD");  // U+FFFD for the maximal ill-formed subpart
          run = p + d.len;
        }
        p += d.len;
        continue;
      }
      Put(run, p);
      switch (b) {
        case '"': Put("\\\""); break;
        case '\\': Put("\\\\"); break;
        case '\b': Put("\\b"); break;
        case '\f': Put("\\f"); break;
        case '\n': Put("\\n"); break;
        case '\r': Put("\\r"); break;
        case '\t': Put("\\t"); break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char esc[6] = {'\\', 'u', '0', '0', kHex[b >> 4], kHex[b & 0xF]};
          Put(std::string_view(esc, 6));
        }
      }
      run = ++p;
    }
    Put(run, end);
    Put('"');
  }

  std::string& out_;
  size_t pos_;  // bytes of out_ written; out_ is longer while writing
  bool need_comma_ = false;
  bool after_key_ = false;
};

}  // namespace smslint::base

#endif  // SMSLINT_SRC_BASE_JSON_WRITER_H_
