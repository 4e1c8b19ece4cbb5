// Report's methods (include/smslint/report.h); its JSON form is
// report_json.cc.
#include <cstddef>
#include <optional>

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

}  // namespace smslint
