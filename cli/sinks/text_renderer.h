// The one text renderer: compiler-style lines for people, for smslint check
// (detailed) and smslint batch (one line per diagnostic).
#ifndef SMSLINT_CLI_SINKS_TEXT_RENDERER_H_
#define SMSLINT_CLI_SINKS_TEXT_RENDERER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "smslint/message.h"
#include "smslint/report.h"

namespace smslint::cli {

struct TextStyle {
  bool color = false;
  // The message id, the position in the field, an excerpt with a caret,
  // the fix and a risk line; off: one line per diagnostic.
  bool detail = true;
  // Findings below this severity are not shown (batch: --show).
  Severity min_severity = Severity::kInfo;
};

// The diagnostics of one report, e.g. with detail
//   messages.jsonl:3: (id) body:1:5: warning: ... [segments/forces-ucs2]
//       It’s here
//         ^
//       fix (unsafe): apply Smart Encoding ...
// and without, for a batch row (`row` given):
//   contacts.csv:4: (row 3) to: error: ... [to/not-e164]
std::string RenderText(const Report& report, const Message& message,
                       std::string_view source, size_t line,
                       std::optional<uint64_t> row, const TextStyle& style);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_SINKS_TEXT_RENDERER_H_
