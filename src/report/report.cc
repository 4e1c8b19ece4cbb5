// Report's methods (include/smslint/report.h); its JSON form is
// report_json.cc.
#include <algorithm>
#include <cstddef>
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
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     const size_t sa = a.span ? a.span->byte_begin : 0;
                     const size_t sb = b.span ? b.span->byte_begin : 0;
                     return std::tie(a.field, sa, a.rule_id) <
                            std::tie(b.field, sb, b.rule_id);
                   });
}

}  // namespace smslint
