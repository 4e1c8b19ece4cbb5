// Report's methods (include/smslint/report.h); its JSON form is
// report_json.cc.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <optional>
#include <tuple>
#include <vector>

#include "smslint/report.h"

namespace smslint {

std::optional<Severity> Report::MaxSeverity() const {
  std::optional<Severity> max;
  for (const Diagnostic& d : diagnostics) {
    if (!max || d.severity > *max) max = d.severity;
  }
  return max;
}

size_t Report::Count(Severity s) const {
  size_t n = 0;
  for (const Diagnostic& d : diagnostics) n += d.severity == s;
  return n;
}

void SortDiagnostics(std::vector<Diagnostic>& diagnostics) {
  auto before = [](const Diagnostic& a, const Diagnostic& b) {
    const size_t sa = a.span ? a.span->byte_begin : 0;
    const size_t sb = b.span ? b.span->byte_begin : 0;
    return std::tie(a.field, sa, a.rule_id) < std::tie(b.field, sb, b.rule_id);
  };
  if (std::is_sorted(diagnostics.begin(), diagnostics.end(), before)) return;
  // Sort positions, then move each diagnostic once: a stable sort of the
  // diagnostics themselves moved them (strings, args, fixes) through a
  // temporary buffer, ~5 % of a short message's Lint (issue 15). Same
  // comparison, same stability, so the same order.
  std::vector<uint32_t> order(diagnostics.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return before(diagnostics[a], diagnostics[b]);
  });
  std::vector<Diagnostic> sorted;
  sorted.reserve(diagnostics.size());
  for (const uint32_t i : order) sorted.push_back(std::move(diagnostics[i]));
  diagnostics.swap(sorted);
}

}  // namespace smslint
