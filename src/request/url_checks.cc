// Helpers the media_url and status_callback rules share.
#include "base/utf16_span.h"
#include "base/utf8.h"
#include "request/request_rules.h"

namespace smslint::internal {

size_t ByteAfterCodePoints(std::string_view text, size_t limit, size_t* count) {
  size_t n = 0, at = std::string_view::npos;
  const auto* begin = reinterpret_cast<const uint8_t*>(text.data());
  const auto* p = begin;
  const auto* end = p + text.size();
  while (p < end) {
    if (n == limit) at = static_cast<size_t>(p - begin);
    p += base::DecodeUtf8(p, end).len;
    ++n;
  }
  *count = n;
  return at;
}

Span FieldSpan(std::string_view value, size_t begin, size_t end) {
  return base::Utf16Span(value, begin, end);
}

}  // namespace smslint::internal
