// Fuzz target for message templates (cli/message_template.h).
//
// Input: TEMPLATE [\0 HEADER [\0 ROW]], HEADER and ROW being fields
// separated by \x1f.
//
// Invariants:
//  - Parse never crashes; a failure has a message naming its byte offset,
//    and that offset lies inside the text;
//  - Parse fails exactly when a plain second reading of the syntax
//    (RefRender below) finds the template malformed, and otherwise Render
//    gives what that reading gives, for the row bound to the header;
//  - the placeholder names are trimmed, non-empty, brace-free and distinct
//    under SameName; BindColumns maps each to the first matching column;
//  - Render appends: what *out held before stays.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "message_template.h"

namespace {

using smslint::cli::MessageTemplate;
using smslint::cli::TemplateError;

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t from = 0;
  for (;;) {
    const size_t at = s.find(sep, from);
    out.emplace_back(s.substr(from, at - from));
    if (at == std::string_view::npos) return out;
    from = at + 1;
  }
}

std::string TrimAndLower(std::string_view s) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  std::string out;
  for (const char c : s) {
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// A name as matched: without the invisible characters SameName ignores
// (U+FEFF, U+200B-U+200D, U+2060), then trimmed and lower-cased.
std::string RefKey(std::string_view s) {
  static const std::string_view kInvisible[] = {
      "\xEF\xBB\xBF", "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x81\xA0"};
  std::string visible;
  for (size_t i = 0; i < s.size();) {
    bool dropped = false;
    for (const std::string_view inv : kInvisible) {
      if (s.substr(i, 3) == inv) {
        i += 3;
        dropped = true;
        break;
      }
    }
    if (!dropped) visible += s[i++];
  }
  return TrimAndLower(visible);
}

// The syntax read a second way, char by char: nullopt when malformed
// (also past MessageTemplate::kMaxPlaceholders placeholders).
std::optional<std::string> RefRender(std::string_view t,
                                     const std::vector<std::string>& header,
                                     const std::vector<std::string>& row) {
  std::string out;
  size_t i = 0;
  size_t placeholders = 0;
  while (i < t.size()) {
    const std::string_view rest = t.substr(i);
    if (rest.substr(0, 3) == "\\{{") {
      out += "{{";
      i += 3;
    } else if (rest.substr(0, 4) == "\\\\{{") {
      out += '\\';
      i += 2;
    } else if (rest.substr(0, 2) == "{{") {
      size_t j = i + 2;
      while (j < t.size() && t[j] != '{' && t[j] != '}') ++j;
      if (j + 1 >= t.size() || t[j] != '}' || t[j + 1] != '}') return std::nullopt;
      const std::string_view raw = t.substr(i + 2, j - i - 2);
      if (TrimAndLower(raw).empty()) return std::nullopt;
      if (++placeholders > MessageTemplate::kMaxPlaceholders) return std::nullopt;
      const std::string name = RefKey(raw);
      for (size_t c = 0; c < header.size(); ++c) {
        if (RefKey(header[c]) == name) {
          if (c < row.size()) out += row[c];
          break;
        }
      }
      i = j + 2;
    } else {
      out += t[i++];
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const size_t nul = in.find('\0');
  const std::string_view text = in.substr(0, nul);
  std::vector<std::string> header;
  std::vector<std::string> row;
  if (nul != std::string_view::npos) {
    const std::string_view tail = in.substr(nul + 1);
    const size_t nul2 = tail.find('\0');
    header = Split(tail.substr(0, nul2), '\x1f');
    if (nul2 != std::string_view::npos) row = Split(tail.substr(nul2 + 1), '\x1f');
  }

  TemplateError error;
  const std::optional<MessageTemplate> t = MessageTemplate::Parse(text, &error);
  const std::optional<std::string> expected = RefRender(text, header, row);
  FUZZ_CHECK_MSG(t.has_value() == expected.has_value(), error.message);
  if (!t) {
    FUZZ_CHECK(error.offset < text.size());
    FUZZ_CHECK_MSG(error.message.find("byte " + std::to_string(error.offset)) !=
                       std::string::npos,
                   error.message);
    return 0;
  }

  const std::vector<std::string>& names = t->Placeholders();
  for (size_t k = 0; k < names.size(); ++k) {
    const std::string& n = names[k];
    FUZZ_CHECK(!n.empty());
    FUZZ_CHECK_MSG(TrimAndLower(n).size() == n.size(), n);
    FUZZ_CHECK(n.find_first_of("{}") == std::string::npos);
    for (size_t j = 0; j < k; ++j) FUZZ_CHECK(!MessageTemplate::SameName(n, names[j]));
  }
  std::vector<int> columns;
  std::vector<std::string> missing;
  const bool all = t->BindColumns(header, &columns, &missing);
  FUZZ_CHECK(columns.size() == names.size());
  size_t unbound = 0;
  for (size_t k = 0; k < names.size(); ++k) {
    const int c = columns[k];
    if (c < 0) {
      ++unbound;
      for (const std::string& h : header) {
        FUZZ_CHECK(!MessageTemplate::SameName(h, names[k]));
      }
      continue;
    }
    FUZZ_CHECK(static_cast<size_t>(c) < header.size());
    FUZZ_CHECK(MessageTemplate::SameName(header[c], names[k]));
    for (int e = 0; e < c; ++e) FUZZ_CHECK(!MessageTemplate::SameName(header[e], names[k]));
  }
  FUZZ_CHECK(missing.size() == unbound);
  FUZZ_CHECK(all == (unbound == 0));

  std::string out = "prefix:";
  t->Render(row, columns, &out);
  FUZZ_CHECK(out.starts_with("prefix:"));
  FUZZ_CHECK_MSG(out.substr(7) == *expected, out.substr(7) + " vs " + *expected);
  return 0;
}
