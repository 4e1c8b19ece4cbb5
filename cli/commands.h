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

// smslint batch (docs/batch.md): a CSV or JSONL list, linted row by row.
struct BatchFlags {
  std::string input = "-";
  std::string input_format = "auto";  // auto, csv, jsonl
  std::string format = "text";        // text, jsonl, csv, sarif
  std::string output;                 // "" or "-": stdout
  std::string stdin_filename;         // name shown for stdin ("" = <stdin>)
  std::vector<std::string> columns;   // KEY=HEADER
  std::string template_text;
  bool template_given = false;
  std::string delimiter;              // "" = detect
  size_t max_field_bytes = 65536;
  std::string kind;                   // default kind ("" = none)
  bool first_message = false;
  std::string from;                   // default sender
  std::string summary_path;
  std::string price_per_segment;      // "" = none
  bool quiet = false;
  unsigned jobs = 0;                  // 0 = hardware threads
  Severity fail_on = Severity::kError;
  bool exit_zero = false;
  std::string color = "auto";
  // Operator outputs (docs/batch.md, "Fix, block, send").
  bool fix = false;                   // --output is the clean list
  std::string rejects;                // --rejects FILE
  std::vector<std::string> block;     // --block RULE_OR_AREA
  bool no_block_duplicates = false;
  std::string show = "warning";       // lowest severity printed per row
  std::string report_html;            // --report-html FILE
  Options options;
};
int RunBatch(const BatchFlags& flags);

struct SegmentsFlags {
  std::string body;         // the text, or "-" for stdin
  bool body_given = false;
  bool smart_encoding = false;
  std::string encoding = "auto";
  Format format = Format::kText;
  size_t max_body_bytes = 4 << 20;  // a longer body is a usage error
};
int RunSegments(const SegmentsFlags& flags);

int RunListRules(Format format);
int RunRuleDoc(const std::string& id);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_COMMANDS_H_
