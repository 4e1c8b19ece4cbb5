#include "base/utf16_span.h"

#include <cstdint>
#include <cstring>

#include "base/utf8.h"

namespace smslint::base {

size_t Utf16Mapper::ToUtf16(size_t byte) {
  if (byte > text_.size()) byte = text_.size();
  if (byte < byte_) byte_ = utf16_ = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(text_.data());
  const auto* end = p + text_.size();
  size_t i = byte_, u = utf16_;
  while (i < byte) {
    // ASCII is one unit a byte: eight bytes at a time.
    if (i + 8 <= byte) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        u += 8;
        continue;
      }
    }
    const Decoded d = DecodeUtf8(p + i, end);
    i += d.len;
    u += Utf16Length(d.cp);
  }
  byte_ = i;
  utf16_ = u;
  return u;
}

}  // namespace smslint::base
