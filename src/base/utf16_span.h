// Byte offsets to UTF-16 offsets: the one mapper behind every
// smslint::Span (which carries both, for JavaScript and Java callers).
// Offsets count code points as DecodeUtf8 reads them: an ill-formed
// subpart is one U+FFFD, one UTF-16 unit.
//
//   Utf16Mapper m(body);               // walks forward only: spans in
//   Span a = m.ToSpan(3, 7);           // body order cost one pass
//   Span b = m.ToSpan(12, 20);
//   Span c = Utf16Span(body, 0, 2);   // one-off
#ifndef SMSLINT_SRC_BASE_UTF16_SPAN_H_
#define SMSLINT_SRC_BASE_UTF16_SPAN_H_

#include <cstddef>
#include <string_view>

#include "smslint/diagnostic.h"

namespace smslint::base {

class Utf16Mapper {
 public:
  explicit Utf16Mapper(std::string_view text) : text_(text) {}

  // The UTF-16 offset of byte offset `byte` (at most text.size()). A byte
  // inside a code point maps to the end of that code point. Cheapest when
  // offsets do not decrease from call to call; an earlier offset restarts
  // from the beginning.
  size_t ToUtf16(size_t byte);

  // The span of bytes [begin, end) with its UTF-16 offsets.
  Span ToSpan(size_t begin, size_t end) {
    const size_t u16_begin = ToUtf16(begin);
    return Span{begin, end, u16_begin, ToUtf16(end)};
  }

 private:
  std::string_view text_;
  size_t byte_ = 0;   // a code point boundary reached so far
  size_t utf16_ = 0;  // its UTF-16 offset
};

// One-off forms of Utf16Mapper.
inline size_t Utf16Offset(std::string_view text, size_t byte) {
  return Utf16Mapper(text).ToUtf16(byte);
}
inline Span Utf16Span(std::string_view text, size_t begin, size_t end) {
  return Utf16Mapper(text).ToSpan(begin, end);
}
// All of `text`.
inline Span WholeSpan(std::string_view text) {
  return Utf16Span(text, 0, text.size());
}

}  // namespace smslint::base

#endif  // SMSLINT_SRC_BASE_UTF16_SPAN_H_
