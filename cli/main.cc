// The smslint command-line tool. Flags are parsed with CLI11 rather than
// Abseil flags: CLI11 has subcommands, and lets usage errors exit with 2
// (Abseil's parser exits with 1, which is the "findings" code here).
#include <CLI/CLI.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "base/iso_time.h"
#include "commands.h"
#include "escape.h"
#include "smslint/config.h"
#include "smslint/version.h"

namespace {

using smslint::cli::Format;

const std::map<std::string, Format> kFormats = {
    {"text", Format::kText}, {"json", Format::kJson}, {"jsonl", Format::kJsonl}};

// One rule for every numeric flag: decimal digits only (no sign, spaces,
// hex or exponent), within the flag's range (docs: README, docs/batch.md),
// else a usage error (exit 2) naming the flag, the value and the range.
// CLI11 alone would take "-1" for an unsigned flag as 2^64 - 1.
struct NumericRange {
  uint64_t min;
  uint64_t max;
};
constexpr NumericRange kSegmentsRange{1, 1'000'000};   // as in smslint.toml
constexpr NumericRange kCharactersRange{1, 1'000'000};
constexpr NumericRange kLineBytesRange{1, uint64_t{1} << 30};   // 1 GiB
constexpr NumericRange kFieldBytesRange{1, uint64_t{1} << 30};
// batch also refuses more than 4 per hardware thread or 16, whichever is
// more (cli/batch_command.cc).
constexpr NumericRange kJobsRange{0, 256};

CLI::Validator InRange(NumericRange r) {
  return CLI::Validator(
      [r](std::string& value) -> std::string {
        const std::string range =
            "expected a whole number from " + std::to_string(r.min) + " to " +
            std::to_string(r.max);
        if (value.empty() ||
            value.find_first_not_of("0123456789") != std::string::npos) {
          return "\"" + value + "\" is not a whole number: " + range;
        }
        uint64_t v = 0;
        for (const char c : value) {
          if (v > (UINT64_MAX - (c - '0')) / 10) return value + " is too large: " + range;
          v = v * 10 + static_cast<uint64_t>(c - '0');
        }
        if (v < r.min || v > r.max) return value + " is out of range: " + range;
        return "";
      },
      "", "number");
}

// The lint flags `check` and `batch` share, and how they combine with
// the configuration file: defaults, then the file, then the flags given.
struct LintFlags {
  smslint::Options options;
  bool no_smart_fix = false;
  std::string config_path;
  std::string now;  // --now, ISO 8601 with a zone
};

void AddLintFlags(CLI::App* cmd, LintFlags& f) {
  cmd->add_option("--max-segments", f.options.max_segments,
                  "segments/too-many-segments fires above this (1-1000000)")
      ->check(InRange(kSegmentsRange))
      ->default_val(f.options.max_segments);
  cmd->add_option("--max-body-characters", f.options.max_body_characters,
                  "body/too-long fires above this many code points "
                  "(1-1000000)")
      ->check(InRange(kCharactersRange))
      ->default_val(f.options.max_body_characters);
  cmd->add_option("--disable", f.options.disabled_rules,
                  "rule id or area to turn off (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--default-region", f.options.default_region,
                  "ISO 3166 region (US, GB) for numbers without a "
                  "country code; a message's \"region\" wins");
  cmd->add_option("--media-root", f.options.media_root,
                  "read media paths from input data only under this "
                  "directory (default: read no file)");
  cmd->add_option("--now", f.now,
                  "the time scheduling rules compare send_at with, ISO 8601 "
                  "with a zone (2026-12-03T12:00:00Z; default: the system "
                  "clock)");
  cmd->add_flag("--no-smart-encoding-fix", f.no_smart_fix,
                "do not offer Smart Encoding fixes");
  cmd->add_option("--config", f.config_path,
                  "TOML configuration (default: ./smslint.toml if "
                  "present); flags given on the command line win");
}

// False (after printing why) when the configuration file is bad.
bool ResolveLintFlags(const CLI::App* cmd, LintFlags& f,
                      smslint::Options* out) {
  smslint::Options options;
  if (f.config_path.empty() && std::filesystem::exists("smslint.toml")) {
    f.config_path = "smslint.toml";
  }
  if (!f.config_path.empty()) {
    smslint::ConfigError error;
    if (!smslint::LoadConfigFile(f.config_path, &options, &error)) {
      std::fprintf(stderr, "smslint: %s\n", error.ToString().c_str());
      return false;
    }
  }
  if (cmd->count("--max-segments")) {
    options.max_segments = f.options.max_segments;
  }
  if (cmd->count("--max-body-characters")) {
    options.max_body_characters = f.options.max_body_characters;
  }
  if (cmd->count("--default-region")) {
    options.default_region = f.options.default_region;
  }
  if (cmd->count("--media-root")) {
    options.media_root = f.options.media_root;
  }
  if (cmd->count("--now")) {
    const smslint::base::IsoTime now = smslint::base::ParseIsoTime(f.now);
    if (!now.unix_seconds) {
      std::fprintf(stderr, "smslint: --now %s: %s\n", smslint::cli::EscapeControls(f.now).c_str(),
                   now.error.c_str());
      return false;
    }
    options.now_unix_seconds = now.unix_seconds;
  }
  options.disabled_rules.insert(options.disabled_rules.end(),
                                f.options.disabled_rules.begin(),
                                f.options.disabled_rules.end());
  if (f.no_smart_fix) options.suggest_smart_encoding = false;
  // SMSLINT_NO_FAST_NUMBERS=1 (any value but "" and "0") turns the fast
  // number path off, so a benchmark or a bug report can compare both paths
  // with one build.
  const char* no_fast = std::getenv("SMSLINT_NO_FAST_NUMBERS");
  if (no_fast != nullptr && no_fast[0] != '\0' &&
      !(no_fast[0] == '0' && no_fast[1] == '\0')) {
    options.fast_numbers = false;
  }
  *out = std::move(options);
  return true;
}

}  // namespace

static int RunMain(int argc, char** argv) {
  CLI::App app{"smslint: an offline SMS/MMS linter and pre-send validator",
               "smslint"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("smslint ") + SMSLINT_VERSION);

  smslint::cli::CheckFlags check;
  std::string check_format = "text", fail_on = "error";
  CLI::App* check_cmd = app.add_subcommand(
      "check", "Lint messages given as JSON Lines (one report per line)");
  check_cmd->add_option("FILE", check.input, "input file, or - for stdin")
      ->default_val("-");
  check_cmd->add_option("--format", check_format, "text, json or jsonl")
      ->check(CLI::IsMember({"text", "json", "jsonl"}))
      ->default_val("text");
  check_cmd->add_option("--color", check.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_val("auto");
  check_cmd
      ->add_option("--fail-on", fail_on,
                   "lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info"}))
      ->default_val("error");
  check_cmd->add_flag("--exit-zero", check.exit_zero,
                      "exit 0 even when findings are reported");
  check_cmd->add_option("--stdin-filename", check.stdin_filename,
                        "name to show for standard input");
  LintFlags check_lint;
  AddLintFlags(check_cmd, check_lint);
  check_cmd->add_option("--max-line-bytes", check.max_line_bytes,
                        "longest input line accepted (1-1073741824)")
      ->check(InRange(kLineBytesRange))
      ->default_val(check.max_line_bytes);

  smslint::cli::BatchFlags batch;
  std::string batch_fail_on = "error";
  CLI::App* batch_cmd = app.add_subcommand(
      "batch", "Lint a CSV contact list (or JSON Lines messages) row by row");
  batch_cmd->add_option("FILE", batch.input, "input file, or - for stdin")
      ->default_val("-");
  batch_cmd->add_option("--input-format", batch.input_format,
                        "auto (by suffix: .jsonl/.ndjson is jsonl), csv or "
                        "jsonl")
      ->check(CLI::IsMember({"auto", "csv", "jsonl"}))
      ->default_val("auto");
  batch_cmd->add_option("--format", batch.format, "text, jsonl, csv or sarif")
      ->check(CLI::IsMember({"text", "jsonl", "csv", "sarif"}))
      ->default_val("text");
  batch_cmd->add_option("--output", batch.output,
                        "write the records here instead of stdout (with "
                        "--fix: the clean list)");
  batch_cmd->add_flag("--fix", batch.fix,
                      "write the rows that can be sent, with the safe fixes "
                      "applied, to --output and the others to --rejects");
  batch_cmd->add_option("--rejects", batch.rejects,
                        "with --fix: write the blocked rows and why here");
  batch_cmd->add_option("--block", batch.block,
                        "also block rows with a finding of this rule or area "
                        "(repeatable)")
      ->allow_extra_args(false);
  batch_cmd->add_flag("--no-block-duplicates", batch.no_block_duplicates,
                      "send duplicate recipients too");
  batch_cmd->add_option("--show", batch.show,
                        "lowest severity printed per row (text): info, "
                        "warning or error")
      ->check(CLI::IsMember({"info", "warning", "error"}))
      ->default_val("warning");
  batch_cmd->add_option("--report-html", batch.report_html,
                        "write the summary as a self-contained HTML page");
  batch_cmd->add_option("--stdin-filename", batch.stdin_filename,
                        "name to show for standard input");
  batch_cmd->add_option("--column", batch.columns,
                        "KEY=HEADER: read KEY (to, from, body, kind, id, "
                        "country, media_type, media_size, media_path, "
                        "first_message, brand) from this column (repeatable)")
      ->allow_extra_args(false);
  batch_cmd->add_option("--template", batch.template_text,
                        "the body, with {{column}} placeholders");
  batch_cmd->add_option("--region", batch.options.default_region,
                        "same as --default-region");
  batch_cmd->add_option("--delimiter", batch.delimiter,
                        "field delimiter: , ; tab (default: detect)");
  batch_cmd->add_option("--max-field-bytes", batch.max_field_bytes,
                        "longest CSV field accepted (1-1073741824)")
      ->check(InRange(kFieldBytesRange))
      ->default_val(batch.max_field_bytes);
  batch_cmd->add_option("--kind", batch.kind,
                        "message kind for rows without a kind column");
  batch_cmd->add_flag("--first-message", batch.first_message,
                      "rows without a first_message column are first "
                      "messages");
  batch_cmd->add_option("--from", batch.from,
                        "sender for rows without a from column");
  batch_cmd->add_option("--summary", batch.summary_path,
                        "write the summary as JSON to this file");
  batch_cmd->add_option("--price-per-segment", batch.price_per_segment,
                        "price of one segment (decimal) for the cost "
                        "estimate");
  batch_cmd->add_flag("--quiet", batch.quiet,
                      "no progress bar and no summary on stderr");
  batch_cmd->add_option("--jobs", batch.jobs,
                        "worker threads, 0-256 (default, 0: hardware "
                        "threads), at most 4 x hardware threads or 16, "
                        "whichever is more")
      ->check(InRange(kJobsRange));
  batch_cmd->add_option("--fail-on", batch_fail_on,
                        "lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info"}))
      ->default_val("error");
  batch_cmd->add_flag("--exit-zero", batch.exit_zero,
                      "exit 0 even when findings are reported");
  batch_cmd->add_option("--color", batch.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_val("auto");
  LintFlags batch_lint;
  AddLintFlags(batch_cmd, batch_lint);

  smslint::cli::SegmentsFlags seg;
  std::string seg_format = "text";
  CLI::App* seg_cmd = app.add_subcommand(
      "segments", "Show how a body is encoded and split into segments");
  seg_cmd->add_option("BODY", seg.body, "the text, or - to read stdin");
  seg_cmd->add_flag("--smart-encoding", seg.smart_encoding,
                    "apply Twilio's Smart Encoding first");
  seg_cmd->add_option("--encoding", seg.encoding, "auto, GSM-7 or UCS-2")
      ->check(CLI::IsMember({"auto", "GSM-7", "UCS-2"}))
      ->default_val("auto");
  seg_cmd->add_option("--format", seg_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_val("text");
  seg_cmd->add_option("--max-body-bytes", seg.max_body_bytes,
                      "longest body accepted, in bytes (1-1073741824)")
      ->check(InRange(kLineBytesRange))
      ->default_val(seg.max_body_bytes);

  std::string rules_format = "text";
  CLI::App* rules_cmd = app.add_subcommand("rules", "List every rule");
  rules_cmd->add_option("--format", rules_format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_val("text");

  std::string rule_id;
  CLI::App* rule_cmd =
      app.add_subcommand("rule", "Print a rule's documentation");
  rule_cmd->add_option("ID", rule_id, "rule id, e.g. segments/forces-ucs2")
      ->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version text goes through WriteAll, whose errors are
    // remembered with their reason (std::cout's flush would lose it).
    std::ostringstream help;
    const int code = app.exit(e, help, std::cerr);
    smslint::cli::WriteAll(stdout, help.str());
    return code == 0 ? 0 : smslint::cli::kExitUsage;
  }

  if (*check_cmd) {
    check.format = kFormats.at(check_format);
    check.fail_on = *smslint::ParseSeverity(fail_on);
    if (!ResolveLintFlags(check_cmd, check_lint, &check.options)) {
      return smslint::cli::kExitUsage;
    }
    return smslint::cli::RunCheck(check);
  }
  if (*batch_cmd) {
    batch.fail_on = *smslint::ParseSeverity(batch_fail_on);
    batch.template_given = batch_cmd->count("--template") > 0;
    if (batch_cmd->count("--region")) {
      if (batch_cmd->count("--default-region")) {
        std::fprintf(stderr,
                     "smslint: give --region or --default-region, not both\n");
        return smslint::cli::kExitUsage;
      }
      batch_lint.options.default_region = batch.options.default_region;
    }
    if (!ResolveLintFlags(batch_cmd, batch_lint, &batch.options)) {
      return smslint::cli::kExitUsage;
    }
    if (batch_cmd->count("--region")) {
      batch.options.default_region = batch_lint.options.default_region;
    }
    return smslint::cli::RunBatch(batch);
  }
  if (*seg_cmd) {
    seg.body_given = seg_cmd->count("BODY") > 0;
    seg.format = kFormats.at(seg_format);
    return smslint::cli::RunSegments(seg);
  }
  if (*rules_cmd) return smslint::cli::RunListRules(kFormats.at(rules_format));
  if (*rule_cmd) return smslint::cli::RunRuleDoc(rule_id);
  return smslint::cli::kExitUsage;
}

// Every command, --help and --version end by flushing and closing standard
// output: a write error (a full disk, /dev/full) exits 2, never 0.
int main(int argc, char** argv) {
  return smslint::cli::FinishStdout(RunMain(argc, argv));
}
