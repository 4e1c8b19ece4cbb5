// Writing reports: compiler-style text for people, JSON and JSON Lines for
// programs (the contract in docs/report.schema.json).
#ifndef SMSLINT_CLI_OUTPUT_H_
#define SMSLINT_CLI_OUTPUT_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "smslint/report.h"
#include "smslint/message.h"

namespace smslint::cli {

enum class Format { kText, kJson, kJsonl };

// Whether to colour text output: --color=always|never|auto, where auto
// means stdout is a terminal, NO_COLOR is unset or empty, and TERM != dumb.
// A weight or score as the rule table writes it: 5.0, 0.3, 7.25.
std::string FormatWeight(double w);

// The input file of a command: stdin for "-", else the file opened for
// reading; on failure prints "smslint: cannot open PATH: reason" to stderr
// and returns nullptr (the caller exits 2).
std::FILE* OpenInput(const std::string& path);

bool ShouldColor(std::string_view color_flag);

// The diagnostics of one report in compiler style, e.g.
//   messages.jsonl:3: body:1:5: warning: ... [segments/forces-ucs2]
//       It’s here
//         ^
//       fix (unsafe): apply Smart Encoding ...
std::string RenderText(const Report& report, const Message& message,
                       std::string_view source, size_t line, bool color);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_OUTPUT_H_
