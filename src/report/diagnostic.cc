#include "smslint/diagnostic.h"

#include <optional>
#include <string_view>

namespace smslint {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

std::string_view ApplicabilityName(Applicability a) {
  switch (a) {
    case Applicability::kSafe: return "safe";
    case Applicability::kUnsafe: return "unsafe";
    case Applicability::kDisplayOnly: return "display-only";
  }
  return "unsafe";
}

}  // namespace smslint
