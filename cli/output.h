// What the commands share about input and output: the --format values of
// check, segments and rules, opening the input, colour, weights, and
// checked writes (every command ends with FinishStdout).
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

// Writes all of `s` to `f`; false when it could not (errno set). The first
// failure's errno is remembered for FlushErrno, since a later call may
// overwrite errno.
bool WriteAll(std::FILE* f, std::string_view s);

// Flushes `f`: 0 when it and every write to it so far succeeded, else the
// reason (the first remembered write or flush failure, or EIO). Every flush
// of an output goes through here, so that the reason is not lost.
int FlushErrno(std::FILE* f);

// Prints "smslint: error writing output: <reason>" to stderr, once per
// process (a command and FinishStdout may both see the same failure).
void ReportWriteError(int err);

// The end of every command, --help and --version: flushes and closes
// standard output (and std::cout). On a write error, reports it and returns
// 2 (kExitUsage); otherwise returns `code`.
int FinishStdout(int code);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_OUTPUT_H_
