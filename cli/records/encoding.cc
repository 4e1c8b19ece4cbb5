#include "records/encoding.h"

#include <algorithm>

#include "escape.h"

namespace smslint::cli {
namespace {

// UTF-16 without a byte order mark: in the first line (or the first 64
// bytes of it), every byte at an odd (LE) or even (BE) index is NUL and
// every other byte is not.
std::optional<ForeignEncoding> SniffUtf16WithoutBom(std::string_view head) {
  // The line ends at the first LF byte; in UTF-16 LE that LF is followed
  // by its NUL, in BE preceded by it (which stays in the line).
  std::string_view line = head.substr(0, head.find('\n'));
  line = line.substr(0, std::min<size_t>(line.size(), 64));
  if (line.size() < 4) return std::nullopt;
  for (const int nul_at : {1, 0}) {  // LE: NULs at odd indices; BE: at even
    bool match = true;
    for (size_t i = 0; i < line.size() && match; ++i) {
      const bool should_be_nul = static_cast<int>(i % 2) == nul_at;
      match = (line[i] == '\0') == should_be_nul;
    }
    if (match) {
      const std::string order = nul_at == 1 ? "LE" : "BE";
      return ForeignEncoding{"UTF-16 " + order,
                             "it has no byte order mark, but every other "
                             "byte of its first line is NUL",
                             "UTF-16" + order};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<ForeignEncoding> SniffEncoding(std::string_view head) {
  struct Bom {
    std::string_view bytes, shown, name, iconv;
  };
  // UTF-32 LE first: its mark begins with UTF-16 LE's.
  static constexpr Bom kBoms[] = {
      {{"\x00\x00\xFE\xFF", 4}, "00 00 FE FF", "UTF-32 BE", "UTF-32"},
      {{"\xFF\xFE\x00\x00", 4}, "FF FE 00 00", "UTF-32 LE", "UTF-32"},
      {{"\xFE\xFF", 2}, "FE FF", "UTF-16 BE", "UTF-16"},
      {{"\xFF\xFE", 2}, "FF FE", "UTF-16 LE", "UTF-16"},
  };
  for (const Bom& b : kBoms) {
    if (head.starts_with(b.bytes)) {
      return ForeignEncoding{std::string(b.name),
                             "it starts with the byte order mark " +
                                 std::string(b.shown),
                             std::string(b.iconv)};
    }
  }
  return SniffUtf16WithoutBom(head);
}

std::string ForeignEncodingMessage(const std::string& input,
                                   const ForeignEncoding& e,
                                   std::string_view suffix) {
  const bool is_stdin = input == "-" || input.starts_with("<");
  const std::string in = is_stdin ? "in" + std::string(suffix) : input;
  std::string out = in;
  const size_t dot = out.rfind('.');
  const size_t slash = out.rfind('/');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    out.insert(dot, "-utf8");
  } else {
    out += "-utf8";
  }
  return EscapeControls(input) + ": this is " + e.name + " text (" + e.evidence +
         "); smslint reads UTF-8 only: convert it first, e.g. iconv -f " +
         e.iconv + " -t UTF-8 " + EscapeControls(in) + " > " +
         EscapeControls(out);
}

}  // namespace smslint::cli
