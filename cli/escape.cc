#include "escape.h"

#include <cstdint>
#include <cstdio>

#include "base/utf8.h"

namespace smslint::cli {
namespace {

bool IsControl(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

}  // namespace

bool NeedsEscape(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    if (*p >= 0x20 && *p < 0x7F) {  // the common case
      ++p;
      continue;
    }
    const base::Decoded d = base::DecodeUtf8(p, end);
    if (!d.valid || IsControl(d.cp)) return true;
    p += d.len;
  }
  return false;
}

std::string EscapeControls(std::string_view s) {
  if (!NeedsEscape(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto* end = p + s.size();
  char buf[16];
  while (p < end) {
    const base::Decoded d = base::DecodeUtf8(p, end);
    if (!d.valid) {
      for (uint32_t i = 0; i < d.len; ++i) {
        std::snprintf(buf, sizeof buf, "\\x%02x", p[i]);
        out += buf;
      }
    } else if (d.cp == '\t') {
      out += "\\t";
    } else if (d.cp == '\n') {
      out += "\\n";
    } else if (d.cp == '\r') {
      out += "\\r";
    } else if (d.cp < 0x20 || d.cp == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(d.cp));
      out += buf;
    } else if (d.cp >= 0x80 && d.cp <= 0x9F) {
      std::snprintf(buf, sizeof buf, "\\u{%x}", static_cast<unsigned>(d.cp));
      out += buf;
    } else {
      out.append(reinterpret_cast<const char*>(p), d.len);
    }
    p += d.len;
  }
  return out;
}

}  // namespace smslint::cli
