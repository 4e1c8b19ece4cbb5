#include "sinks/html_report.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "base/utf8.h"

namespace smslint::cli {
namespace {

constexpr size_t kTopRules = 15;

constexpr std::string_view kStyle = R"(
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:70em}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
table{border-collapse:collapse;margin:.4em 0}
td,th{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:.9em;background:#4a7bd0;vertical-align:middle}
.blocked .bar,.bar.blocked{background:#c94a3f}.bar.fixed{background:#d9a520}.bar.ok{background:#3f9b5a}
.cards{display:flex;gap:1em;flex-wrap:wrap}
.card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:9em}
.card b{display:block;font-size:1.6em}
code{font-size:.95em}
)";

// Invalid UTF-8 becomes U+FFFD so the page stays valid.
std::string Valid(std::string_view s) {
  if (base::IsValidUtf8(s)) return std::string(s);
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const base::Decoded d = base::DecodeUtf8(p, end);
    const size_t len = d.len;
    if (d.valid) out.append(reinterpret_cast<const char*>(p), len);
    else out += "\xEF\xBF\xBD";
    p += len;
  }
  return out;
}

std::string Num(uint64_t n) { return std::to_string(n); }

// One table of label / count / bar rows; `key` names it for tests
// (data-table) and each row's count (data-count).
std::string BarTable(std::string_view key, std::string_view label_head,
                     const std::vector<std::pair<std::string, uint64_t>>& rows,
                     std::string_view bar_class = "") {
  uint64_t max = 1;
  for (const auto& r : rows) max = std::max(max, r.second);
  std::string o = "<table data-table=\"" + std::string(key) + "\"><tr><th>" +
                  std::string(label_head) + "</th><th>rows</th><th></th></tr>\n";
  for (const auto& [label, n] : rows) {
    const uint64_t w = n * 300 / max;
    o += "<tr><td>" + HtmlEscape(label) + "</td><td class=\"n\" data-count=\"" +
         HtmlEscape(label) + "\">" + Num(n) + "</td><td><span class=\"bar " +
         std::string(bar_class) + "\" style=\"width:" + Num(w) + "px\"></span></td></tr>\n";
  }
  return o + "</table>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view in) {
  const std::string s = Valid(in);
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default:
        // Control characters other than tab and line breaks are shown as
        // U+FFFD: HTML does not allow them.
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
            c == 0x7f) {
          o += "\xEF\xBF\xBD";
        } else {
          o.push_back(c);
        }
    }
  }
  return o;
}

std::string HtmlReport(std::string_view source, const Summary& s, const SendPlan& p,
                       const std::optional<Price>& price) {
  const uint64_t to_send = p.as_is + p.after_fixes;
  std::string o =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width\">\n"
      "<title>smslint batch: " + HtmlEscape(source) + "</title>\n<style>" +
      std::string(kStyle) + "</style></head><body>\n<h1>smslint batch: <code>" +
      HtmlEscape(source) + "</code></h1>\n";
  // Cards: the operator's answer first.
  auto card = [&](std::string_view key, std::string_view label, const std::string& value) {
    o += "<div class=\"card\"><b data-summary=\"" + std::string(key) + "\">" + value +
         "</b>" + std::string(label) + "</div>\n";
  };
  o += "<div class=\"cards\">\n";
  card("rows", "rows", Num(s.rows));
  card("to_send", "rows to send", Num(to_send));
  card("sendable_as_is", "sendable as is", Num(p.as_is));
  card("sendable_after_fixes", "sendable after safe fixes", Num(p.after_fixes));
  card("blocked", "blocked", Num(p.blocked));
  card("duplicates", "duplicates", Num(s.duplicates));
  card("segments_to_send", "segments to send", Num(p.segments));
  if (price) card("cost_to_send", "estimated cost", HtmlEscape(Multiply(*price, p.segments)));
  o += "</div>\n";

  o += "<h2>Status</h2>\n" +
       BarTable("status", "status",
                {{"sendable as is", p.as_is},
                 {"sendable after safe fixes", p.after_fixes},
                 {"blocked", p.blocked}}) +
       BarTable("severity", "worst finding",
                {{"error", s.errors}, {"warning", s.warnings}, {"ok or info", s.ok},
                 {"malformed", s.malformed}});

  o += "<h2>Blocked, by reason</h2>\n";
  if (p.blocked_by.empty()) {
    o += "<p>No row is blocked.</p>\n";
  } else {
    std::vector<std::pair<std::string, uint64_t>> rows;
    for (const auto& [id, r] : p.blocked_by) rows.emplace_back(id, r.rows);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    o += BarTable("blocked_by_rule", "rule", rows, "blocked");
  }

  o += "<h2>Segments and encoding</h2>\n";
  {
    std::vector<std::pair<std::string, uint64_t>> hist, enc;
    for (const auto& [n, c] : p.segment_histogram) {
      hist.emplace_back(n >= 10 ? "10+" : Num(n), c);
    }
    for (const auto& [e, c] : p.encodings) enc.emplace_back(e, c);
    o += BarTable("segments", "segments", hist) + BarTable("encodings", "encoding", enc);
    if (p.ucs2_rows != 0) {
      const uint64_t extra = p.ucs2_segments - std::min(p.ucs2_segments, p.ucs2_as_gsm7);
      const uint64_t saved = p.ucs2_segments - std::min(p.ucs2_segments, p.ucs2_smart);
      o += "<p>Rows to send in UCS-2: " + Num(p.ucs2_rows) + ", " + Num(p.ucs2_segments) +
           " segment(s), " + Num(extra) + " more than in GSM-7";
      if (price) o += " (" + HtmlEscape(Multiply(*price, extra)) + ")";
      o += "; Smart Encoding would save " + Num(saved);
      if (price) o += " (" + HtmlEscape(Multiply(*price, saved)) + ")";
      o += ".</p>\n";
    }
  }

  o += "<h2>Content risk</h2>\n";
  {
    std::vector<std::pair<std::string, uint64_t>> bands;
    for (const char* b : {"low", "elevated", "high"}) {
      auto it = p.risk_bands.find(b);
      bands.emplace_back(b, it == p.risk_bands.end() ? 0 : it->second);
    }
    o += BarTable("risk_bands", "band", bands);
  }

  o += "<h2>Top rules</h2>\n";
  {
    std::vector<std::pair<std::string, uint64_t>> rules(s.rules.begin(), s.rules.end());
    std::stable_sort(rules.begin(), rules.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (rules.size() > kTopRules) rules.resize(kTopRules);
    o += BarTable("rules", "rule", rules);
  }

  o += "<h2>Recipients to send, by country</h2>\n";
  {
    std::vector<std::pair<std::string, uint64_t>> c(p.countries.begin(), p.countries.end());
    std::stable_sort(c.begin(), c.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    o += BarTable("countries", "country", c, "ok");
  }

  o += "<h2>Blocked rows</h2>\n";
  if (p.blocked_rows.empty()) {
    o += "<p>None.</p>\n";
  } else {
    o += "<table data-table=\"blocked_rows\"><tr><th>row</th><th>line</th><th>to</th>"
         "<th>rules</th><th>reasons</th></tr>\n";
    for (const BlockedRow& b : p.blocked_rows) {
      std::string rules, reasons;
      for (const std::string& r : b.rules) rules += HtmlEscape(r) + "<br>";
      for (const std::string& r : b.reasons) reasons += HtmlEscape(r) + "<br>";
      o += "<tr data-row=\"" + Num(b.row) + "\"><td class=\"n\">" + Num(b.row) +
           "</td><td class=\"n\">" + Num(b.line) + "</td><td>" + HtmlEscape(b.to) +
           "</td><td>" + rules + "</td><td>" + reasons + "</td></tr>\n";
    }
    o += "</table>\n";
    if (p.blocked > p.blocked_rows.size()) {
      o += "<p>The first " + Num(p.blocked_rows.size()) + " of " + Num(p.blocked) +
           " blocked rows are shown; the rejects file has them all.</p>\n";
    }
  }
  o += "<p><small>Written by smslint batch.</small></p>\n</body></html>\n";
  return o;
}

}  // namespace smslint::cli
