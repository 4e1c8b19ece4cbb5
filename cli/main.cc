// The smslint command-line tool. Flags are parsed with CLI11 rather than
// Abseil flags: CLI11 has subcommands, and lets usage errors exit with 2
// (Abseil's parser exits with 1, which is the "findings" code here).
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "commands.h"
#include "smslint/config.h"
#include "smslint/version.h"

namespace {

using smslint::cli::Format;

const std::map<std::string, Format> kFormats = {
    {"text", Format::kText}, {"json", Format::kJson}, {"jsonl", Format::kJsonl}};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"smslint: an offline SMS/MMS linter and pre-send validator",
               "smslint"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("smslint ") + SMSLINT_VERSION);

  smslint::cli::CheckFlags check;
  std::string check_format = "text", fail_on = "error";
  bool no_smart_fix = false;
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
  check_cmd->add_option("--max-segments", check.options.max_segments,
                        "segments/too-many-segments fires above this")
      ->default_val(check.options.max_segments);
  check_cmd
      ->add_option("--max-body-characters", check.options.max_body_characters,
                   "body/too-long fires above this many code points")
      ->default_val(check.options.max_body_characters);
  check_cmd->add_option("--disable", check.options.disabled_rules,
                        "rule id or area to turn off (repeatable)");
  check_cmd->add_option("--default-region", check.options.default_region,
                        "ISO 3166 region (US, GB) for numbers without a "
                        "country code; a message's \"region\" wins");
  check_cmd->add_flag("--no-smart-encoding-fix", no_smart_fix,
                      "do not offer Smart Encoding fixes");
  std::string config_path;
  check_cmd->add_option("--config", config_path,
                        "TOML configuration (default: ./smslint.toml if "
                        "present); flags given on the command line win");
  check_cmd->add_option("--max-line-bytes", check.max_line_bytes,
                        "longest input line accepted")
      ->default_val(check.max_line_bytes);

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
    const int code = app.exit(e);
    return code == 0 ? 0 : smslint::cli::kExitUsage;
  }

  if (*check_cmd) {
    check.format = kFormats.at(check_format);
    check.fail_on = *smslint::ParseSeverity(fail_on);
    // Options: defaults, then the configuration file, then the flags that
    // were given.
    smslint::Options options;
    if (config_path.empty() && std::filesystem::exists("smslint.toml")) {
      config_path = "smslint.toml";
    }
    if (!config_path.empty()) {
      smslint::ConfigError error;
      if (!smslint::LoadConfigFile(config_path, &options, &error)) {
        std::fprintf(stderr, "smslint: %s\n", error.ToString().c_str());
        return smslint::cli::kExitUsage;
      }
    }
    if (check_cmd->count("--max-segments")) {
      options.max_segments = check.options.max_segments;
    }
    if (check_cmd->count("--max-body-characters")) {
      options.max_body_characters = check.options.max_body_characters;
    }
    if (check_cmd->count("--default-region")) {
      options.default_region = check.options.default_region;
    }
    options.disabled_rules.insert(options.disabled_rules.end(),
                                  check.options.disabled_rules.begin(),
                                  check.options.disabled_rules.end());
    if (no_smart_fix) options.suggest_smart_encoding = false;
    check.options = std::move(options);
    return smslint::cli::RunCheck(check);
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
