#include "sinks/text_renderer.h"

#include <algorithm>
#include <string>

#include "base/utf8.h"
#include "escape.h"
#include "output.h"

namespace smslint::cli {
namespace {

// Display width is approximated by code points; wide CJK and emoji make
// the caret drift, which is accepted for a text view (JSON has exact spans).
constexpr size_t kContextCodePoints = 60;

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += !base::IsUtf8Continuation(c);
  return n;
}

// Byte offset after skipping `n` code points of `s`.
size_t SkipCodePoints(std::string_view s, size_t n) {
  size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && base::IsUtf8Continuation(static_cast<unsigned char>(s[i]))) ++i;
    --n;
  }
  return i;
}

// Byte offset `n` code points before `pos` in `s` (0 at the start).
size_t BackCodePoints(std::string_view s, size_t pos, size_t n) {
  while (pos > 0 && n > 0) {
    --pos;
    while (pos > 0 && base::IsUtf8Continuation(static_cast<unsigned char>(s[pos]))) --pos;
    --n;
  }
  return pos;
}

struct Style {
  bool on;
  std::string_view Severity(smslint::Severity s) const {
    if (!on) return "";
    switch (s) {
      case smslint::Severity::kError: return "\x1b[1;31m";
      case smslint::Severity::kWarning: return "\x1b[1;33m";
      case smslint::Severity::kInfo: return "\x1b[1;36m";
    }
    return "";
  }
  std::string_view Bold() const { return on ? "\x1b[1m" : ""; }
  std::string_view Dim() const { return on ? "\x1b[2m" : ""; }
  std::string_view Green() const { return on ? "\x1b[32m" : ""; }
  std::string_view Reset() const { return on ? "\x1b[0m" : ""; }
};

const std::string* FieldText(const Message& m, std::string_view field) {
  if (field == "body") return &m.body;
  if (field == "to") return &m.to;
  if (field == "from") return &m.from;
  return nullptr;
}

}  // namespace

std::string RenderText(const Report& report, const Message& message,
                       std::string_view source, size_t line,
                       std::optional<uint64_t> data_row, const TextStyle& style) {
  const Style st{style.color};
  // Everything that may come from the input is escaped (escape.h).
  const std::string shown_source = EscapeControls(source);
  const std::string shown_id = EscapeControls(report.id);
  std::string out;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.severity < style.min_severity) continue;
    std::string loc = shown_source + ":" + std::to_string(line) + ":";
    if (data_row) {
      loc += " (row " + std::to_string(*data_row) + ")";
    } else if (style.detail && !report.id.empty()) {
      loc += " (" + shown_id + ")";
    }
    loc += " " + d.field;
    const std::string* text = FieldText(message, d.field);
    std::string excerpt, caret;
    if (style.detail && d.span && text != nullptr &&
        d.span->byte_begin <= text->size()) {
      const std::string_view t(*text);
      const size_t b = d.span->byte_begin;
      const size_t line_start = t.rfind('\n', b == 0 ? 0 : b - 1);
      const size_t ls = (line_start == std::string_view::npos || b == 0)
                            ? 0
                            : line_start + 1;
      const size_t body_line = 1 + static_cast<size_t>(std::count(
                                       t.begin(), t.begin() + ls, '\n'));
      size_t le = t.find('\n', b);
      if (le == std::string_view::npos) le = t.size();
      std::string_view raw = t.substr(ls, le - ls);
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      const size_t col = CountCodePoints(t.substr(ls, b - ls));
      loc += ":" + std::to_string(body_line) + ":" + std::to_string(col + 1);
      // The row as shown: control characters and invalid bytes escaped
      // (escape.h), the caret placed and sized on the escaped text.
      // Only what a window can show is escaped: up to 2 x kContextCodePoints
      // on either side of the span's start and of its shown part, so a
      // 4 MB row costs no more than a short one. Cutting there does not
      // change what is shown.
      const size_t reach = 2 * kContextCodePoints;
      const size_t rb = std::min(b - ls, raw.size());
      size_t re = std::min(std::max(d.span->byte_end, b) - ls, raw.size());
      re = rb + SkipCodePoints(raw.substr(rb, re - rb), reach);
      const size_t lo = BackCodePoints(raw, rb, reach);
      const size_t hi = re + SkipCodePoints(raw.substr(re), reach);
      const std::string before = EscapeControls(raw.substr(lo, rb - lo));
      const std::string marked = EscapeControls(raw.substr(rb, re - rb));
      const std::string shown_row =
          before + marked + EscapeControls(raw.substr(re, hi - re));
      const size_t shown_at = CountCodePoints(before);
      size_t width = rb < re ? CountCodePoints(marked) : 1;
      std::string_view row = shown_row;
      // Long rows: a window around the span.
      size_t shown_col = shown_at;
      std::string prefix;
      if (shown_at > kContextCodePoints) {
        const size_t skip = shown_at - kContextCodePoints / 2;
        row.remove_prefix(SkipCodePoints(row, skip));
        shown_col = shown_at - skip + 3;
        prefix = "...";
      }
      const size_t max_cols = 2 * kContextCodePoints;
      const size_t cut = SkipCodePoints(row, max_cols);
      std::string suffix = cut < row.size() ? "..." : "";
      row = row.substr(0, cut);
      width = std::max<size_t>(1, std::min(width, max_cols));
      excerpt = "    " + prefix + std::string(row) + suffix + "\n";
      caret = "    " + std::string(shown_col, ' ') + std::string(st.Green()) +
              std::string(width, '^') + std::string(st.Reset()) + "\n";
    }
    out += std::string(st.Bold()) + loc + ":" + std::string(st.Reset()) + " ";
    out += std::string(st.Severity(d.severity)) +
           std::string(SeverityName(d.severity)) + std::string(st.Reset());
    out += ": " + EscapeControls(d.message) + " " + std::string(st.Dim()) + "[" + d.rule_id +
           "]" + std::string(st.Reset()) + "\n";
    out += excerpt + caret;
    if (style.detail && d.fix) {
      out += "    fix (" + std::string(ApplicabilityName(d.fix->applicability)) +
             "): " + EscapeControls(d.fix->description) + "\n";
    }
  }
  if (style.detail && report.risk.score != 0.0) {
    // One line per message with a content-risk score: the sum and its parts.
    std::string loc = shown_source + ":" + std::to_string(line) + ":";
    if (!report.id.empty()) loc += " (" + shown_id + ")";
    out += std::string(st.Bold()) + loc + ":" + std::string(st.Reset()) +
           " risk " + FormatWeight(report.risk.score) + " (" +
           std::string(RiskBandName(report.risk.band)) + "):";
    for (const RiskContribution& c : report.risk.contributions) {
      out += " " + c.rule_id + " +" + FormatWeight(c.weight);
    }
    out += "\n";
  }
  return out;
}

}  // namespace smslint::cli
