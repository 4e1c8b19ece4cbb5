#include "base/utf8.h"

#include <cstring>

namespace smslint::base {

size_t FirstInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Most text is ASCII: eight bytes at a time.
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const Decoded d = DecodeUtf8(p + i, p + n);
    if (!d.valid) return i;
    i += d.len;
  }
  return std::string_view::npos;
}

void AppendCodePointLabel(std::string* out, char32_t cp) {
  // By hand: snprintf was a quarter of the forces-UCS-2 rule's time.
  static constexpr char kHex[] = "0123456789ABCDEF";
  char buf[10];
  int n = 0;
  for (uint32_t v = cp; v != 0 || n < 4; v >>= 4) buf[n++] = kHex[v & 0xF];
  out->append("U+");
  while (n > 0) out->push_back(buf[--n]);
}

std::string CodePointsLabel(std::string_view utf8) {
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto* end = p + utf8.size();
  while (p < end) {
    const Decoded d = DecodeUtf8(p, end);
    if (!out.empty()) out.push_back(' ');
    AppendCodePointLabel(&out, d.cp);
    p += d.len;
  }
  return out;
}

}  // namespace smslint::base
