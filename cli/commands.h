// The subcommands of the smslint tool. Each returns the process exit code:
// 0 nothing at or above --fail-on, 1 findings, 2 usage or I/O error.
#ifndef SMSLINT_CLI_COMMANDS_H_
#define SMSLINT_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "output.h"
#include "smslint/linter.h"

namespace smslint::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

struct CheckFlags {
  std::string input = "-";
  std::string stdin_filename = "<stdin>";
  Format format = Format::kText;
  std::string color = "auto";
  Severity fail_on = Severity::kError;
  bool exit_zero = false;
  size_t max_line_bytes = 4 << 20;
  Options options;
};
int RunCheck(const CheckFlags& flags);

struct SegmentsFlags {
  std::string body;         // the text, or "-" for stdin
  bool body_given = false;
  bool smart_encoding = false;
  std::string encoding = "auto";
  Format format = Format::kText;
};
int RunSegments(const SegmentsFlags& flags);

int RunListRules(Format format);
int RunRuleDoc(const std::string& id);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_COMMANDS_H_
