// What the commands share about input and output: the --format values of
// check, segments and rules, opening the input, colour, weights.
#ifndef SMSLINT_CLI_OUTPUT_H_
#define SMSLINT_CLI_OUTPUT_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace smslint::cli {

enum class Format { kText, kJson, kJsonl };

// A weight or score as the rule table writes it: 5.0, 0.3, 7.25.
std::string FormatWeight(double w);

// The input file of a command: stdin for "-", else the file opened for
// reading; on failure prints "smslint: cannot open PATH: reason" to stderr
// and returns nullptr (the caller exits 2).
std::FILE* OpenInput(const std::string& path);

// Whether to colour text written to `out`: only stdout is ever coloured;
// then --color=always|never|auto, where auto means stdout is a terminal,
// NO_COLOR is unset or empty, and TERM != dumb.
bool ShouldColor(std::string_view color_flag, std::FILE* out);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_OUTPUT_H_
