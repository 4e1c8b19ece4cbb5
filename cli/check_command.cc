// smslint check: lint JSON Lines messages, one report per input line, on
// this thread: source → finish → sink, flushed per line for jsonl.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "commands.h"
#include "finish_report.h"
#include "records/jsonl_source.h"
#include "sinks/json_sinks.h"
#include "sinks/text_sink.h"

namespace smslint::cli {
namespace {

std::unique_ptr<Sink> MakeSink(Format format, std::FILE* out,
                               const std::string& source, bool color) {
  switch (format) {
    case Format::kText:
      return std::make_unique<TextSink>(
          out, source, TextStyle{.color = color, .detail = true}, false);
    case Format::kJson:
      return std::make_unique<JsonSink>(out, source);
    case Format::kJsonl:
      return std::make_unique<JsonlSink>(out, false);
  }
  return nullptr;
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
  std::FILE* out = stdout;
  const bool color = flags.format == Format::kText && ShouldColor(flags.color, out);
  const std::unique_ptr<Sink> sink = MakeSink(flags.format, out, source, color);
  JsonlSource records(in, source, flags.max_line_bytes);
  if (const std::string e = records.CheckEncoding(); !e.empty()) {
    std::fprintf(stderr, "smslint: %s\n", e.c_str());
    if (in != stdin) std::fclose(in);
    return kExitUsage;
  }

  sink->Begin();
  Record record;
  std::string rendered;
  size_t messages = 0;
  size_t counts[3] = {0, 0, 0};
  bool failed = false;
  while (records.Next(record)) {
    const Report report = LintRecord(linter, record);
    ++messages;
    for (const Diagnostic& d : report.diagnostics) {
      ++counts[static_cast<int>(d.severity)];
      if (d.severity >= flags.fail_on) failed = true;
    }
    sink->Render(record, report, &rendered);
    sink->Write(report, rendered);
    if (sink->streams()) FlushErrno(out);  // one record per line, as it is ready
    if (std::ferror(out)) break;  // reported below; reading on is pointless
  }
  const std::string read_error = records.io_error();
  if (in != stdin) std::fclose(in);
  sink->End();
  if (flags.format == Format::kText) {
    const std::string total =
        std::to_string(messages) + " message(s): " + std::to_string(counts[2]) +
        " error(s), " + std::to_string(counts[1]) + " warning(s), " +
        std::to_string(counts[0]) + " info(s)\n";
    WriteAll(out, total);
  }
  if (const int err = FlushErrno(out); err != 0) {
    ReportWriteError(err);
    return kExitUsage;
  }
  if (!read_error.empty()) {
    std::fprintf(stderr, "smslint: %s\n", read_error.c_str());
    return kExitUsage;
  }
  if (flags.exit_zero) return kExitOk;
  return failed ? kExitFindings : kExitOk;
}

}  // namespace smslint::cli
