#include "message/flat_object.h"

#include <cstdint>

#include "base/utf8.h"

namespace smslint::internal {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view s)
      : p_(reinterpret_cast<const uint8_t*>(s.data())), end_(p_ + s.size()) {}

  // JSON's whitespace (RFC 8259): space, tab, LF, CR.
  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool Take(uint8_t c) {
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool TakeWord(std::string_view w) {
    if (static_cast<size_t>(end_ - p_) < w.size() ||
        std::string_view(reinterpret_cast<const char*>(p_), w.size()) != w) {
      return false;
    }
    p_ += w.size();
    return true;
  }
  bool AtEnd() const { return p_ == end_; }

  // A string after its opening quote, into `out`; false on anything the
  // general parser would reject (or that this reader does not handle).
  bool String(std::string* out) {
    out->clear();
    const uint8_t* run = p_;
    while (p_ < end_) {
      const uint8_t b = *p_;
      if (b == '"') {
        out->append(reinterpret_cast<const char*>(run), p_ - run);
        ++p_;
        return true;
      }
      if (b < 0x20) return false;  // a raw control character
      if (b < 0x80 && b != '\\') {
        ++p_;
        continue;
      }
      if (b >= 0x80) {
        const base::Decoded d = base::DecodeUtf8(p_, end_);
        if (!d.valid) return false;
        p_ += d.len;
        continue;
      }
      out->append(reinterpret_cast<const char*>(run), p_ - run);
      if (!Escape(out)) return false;
      run = p_;
    }
    return false;  // unterminated
  }

 private:
  static int Hex(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  // Four hex digits after "\u".
  bool Unit(uint32_t* u) {
    if (end_ - p_ < 4) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = Hex(p_[i]);
      if (h < 0) return false;
      v = v << 4 | static_cast<uint32_t>(h);
    }
    p_ += 4;
    *u = v;
    return true;
  }
  // At a backslash: one escape, decoded into `out`.
  bool Escape(std::string* out) {
    ++p_;
    if (p_ >= end_) return false;
    const uint8_t e = *p_++;
    switch (e) {
      case '"': out->push_back('"'); return true;
      case '\\': out->push_back('\\'); return true;
      case '/': out->push_back('/'); return true;
      case 'b': out->push_back('\b'); return true;
      case 'f': out->push_back('\f'); return true;
      case 'n': out->push_back('\n'); return true;
      case 'r': out->push_back('\r'); return true;
      case 't': out->push_back('\t'); return true;
      case 'u': break;
      default: return false;
    }
    uint32_t u = 0;
    if (!Unit(&u)) return false;
    if (u >= 0xDC00 && u <= 0xDFFF) return false;  // a lone low surrogate
    if (u >= 0xD800 && u <= 0xDBFF) {
      // A high surrogate: the low one must follow as "\uDC00".."\uDFFF".
      uint32_t low = 0;
      if (!TakeWord("\\u") || !Unit(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
    }
    base::AppendUtf8(*out, u);
    return true;
  }

  const uint8_t* p_;
  const uint8_t* end_;
};

}  // namespace

std::optional<std::vector<std::pair<std::string, FlatValue>>> ReadFlatObject(
    std::string_view json) {
  Reader r(json);
  std::vector<std::pair<std::string, FlatValue>> members;
  r.SkipSpace();
  if (!r.Take('{')) return std::nullopt;
  r.SkipSpace();
  if (!r.Take('}')) {
    for (;;) {
      r.SkipSpace();
      std::pair<std::string, FlatValue> m;
      if (!r.Take('"') || !r.String(&m.first)) return std::nullopt;
      r.SkipSpace();
      if (!r.Take(':')) return std::nullopt;
      r.SkipSpace();
      if (r.Take('"')) {
        m.second.kind = FlatValue::Kind::kString;
        if (!r.String(&m.second.text)) return std::nullopt;
      } else if (r.TakeWord("true")) {
        m.second.kind = FlatValue::Kind::kTrue;
      } else if (r.TakeWord("false")) {
        m.second.kind = FlatValue::Kind::kFalse;
      } else if (r.TakeWord("null")) {
        m.second.kind = FlatValue::Kind::kNull;
      } else {
        return std::nullopt;  // a number, an array, an object, or an error
      }
      // A key given twice: the general parser reports it. Many keys: the
      // general parser too (this look-up is linear).
      if (members.size() == 64) return std::nullopt;
      for (const auto& [key, value] : members) {
        if (key == m.first) return std::nullopt;
      }
      members.push_back(std::move(m));
      r.SkipSpace();
      if (r.Take(',')) continue;
      if (r.Take('}')) break;
      return std::nullopt;
    }
  }
  r.SkipSpace();
  if (!r.AtEnd()) return std::nullopt;
  return members;
}

}  // namespace smslint::internal
