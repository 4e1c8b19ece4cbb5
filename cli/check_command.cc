// smslint check: lint JSON Lines messages, one report per input line.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "jsonl_reader.h"
#include "smslint/numbers.h"
#include "smslint/version.h"

namespace smslint::cli {
namespace {

void Write(std::FILE* out, std::string_view s) {
  std::fwrite(s.data(), 1, s.size(), out);
}

}  // namespace

int RunCheck(const CheckFlags& flags) {
  const Linter linter(flags.options);
  if (!linter.ok()) {
    std::fprintf(stderr, "smslint: %s: %s\n", linter.error().c_str(),
                 linter.error_arg().c_str());
    return kExitUsage;
  }
  std::FILE* in = OpenInput(flags.input);
  if (in == nullptr) return kExitUsage;
  const std::string source = flags.input == "-" ? flags.stdin_filename : flags.input;
  const bool color = flags.format == Format::kText && ShouldColor(flags.color);
  std::FILE* out = stdout;
  if (flags.format == Format::kJson) {
    Write(out, "{\"format_version\":" + std::to_string(kReportFormatVersion) +
                   ",\"tool\":{\"name\":\"smslint\",\"version\":\"" +
                   SMSLINT_VERSION + "\",\"phone_metadata\":");
    Write(out, nlohmann::json(PhoneMetadataVersion()).dump());
    Write(out, "},\"source\":");
    Write(out, nlohmann::json(source).dump(-1, ' ', false,
                                           nlohmann::json::error_handler_t::replace));
    Write(out, ",\"reports\":[");
  }

  LineReader reader(in, flags.max_line_bytes);
  std::string line;
  bool too_long = false;
  size_t line_no = 0, messages = 0;
  size_t counts[3] = {0, 0, 0};
  bool failed = false;
  while (reader.Next(line, too_long)) {
    ++line_no;
    ParsedLine parsed;
    if (too_long) {
      parsed.usable = false;
      parsed.problems.push_back(
          {"input/invalid-json",
           {{"line", std::to_string(line_no)},
            {"reason", "line is longer than " +
                           std::to_string(flags.max_line_bytes) + " bytes"},
            {"offset", std::to_string(flags.max_line_bytes)}}});
    } else {
      // A UTF-8 byte order mark (Windows tools write one) is not content.
      if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
      parsed = ParseMessageLine(line, line_no);
    }
    Report report;
    if (parsed.usable) {
      report = linter.Lint(parsed.message);
    } else {
      report.id = parsed.message.id;
    }
    for (InputProblem& p : parsed.problems) {
      if (auto d = linter.MakeDiagnostic(p.rule_id, "input", std::nullopt,
                                         std::move(p.args))) {
        report.diagnostics.insert(report.diagnostics.begin(), std::move(*d));
      }
    }
    ++messages;
    for (const Diagnostic& d : report.diagnostics) {
      ++counts[static_cast<int>(d.severity)];
      if (d.severity >= flags.fail_on) failed = true;
    }
    switch (flags.format) {
      case Format::kText:
        Write(out, RenderText(report, parsed.message, source, line_no, color));
        break;
      case Format::kJson:
        if (messages > 1) Write(out, ",");
        Write(out, ReportToJson(report, {.line = line_no, .row = std::nullopt}));
        break;
      case Format::kJsonl:
        Write(out, ReportToJson(report, {.line = line_no, .row = std::nullopt}));
        Write(out, "\n");
        std::fflush(out);  // one record per line, as it is ready
        break;
    }
  }
  const bool read_error = reader.error();
  if (in != stdin) std::fclose(in);
  if (flags.format == Format::kJson) {
    Write(out, "],\"summary\":{\"messages\":" + std::to_string(messages) +
                   ",\"errors\":" + std::to_string(counts[2]) +
                   ",\"warnings\":" + std::to_string(counts[1]) +
                   ",\"infos\":" + std::to_string(counts[0]) + "}}\n");
  } else if (flags.format == Format::kText) {
    Write(out, std::to_string(messages) + " message(s): " +
                   std::to_string(counts[2]) + " error(s), " +
                   std::to_string(counts[1]) + " warning(s), " +
                   std::to_string(counts[0]) + " info(s)\n");
  }
  if (std::fflush(out) != 0 || std::ferror(out)) {
    std::fprintf(stderr, "smslint: error writing output: %s\n",
                 std::strerror(errno));
    return kExitUsage;
  }
  if (read_error) {
    std::fprintf(stderr, "smslint: error reading %s after line %zu\n",
                 source.c_str(), line_no);
    return kExitUsage;
  }
  if (flags.exit_zero) return kExitOk;
  return failed ? kExitFindings : kExitOk;
}

}  // namespace smslint::cli
