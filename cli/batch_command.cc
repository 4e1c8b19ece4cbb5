// smslint batch: lint a CSV contact list (or JSON Lines messages) row by
// row, in parallel, with ordered output and flat memory (docs/batch.md).
// This file is wiring: flags → a record source (records/), a sink (sinks/)
// and the pipeline (batch/), whose ordered writer adds duplicates and
// counts the summary.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "ascii.h"
#include "batch/dup_table.h"
#include "batch/pipeline.h"
#include "batch/price.h"
#include "batch/progress.h"
#include "batch/summary.h"
#include "commands.h"
#include "finish_report.h"
#include "records/columns.h"
#include "records/csv_source.h"
#include "records/jsonl_source.h"
#include "sinks/csv_sink.h"
#include "sinks/json_sinks.h"
#include "sinks/sarif_sink.h"
#include "sinks/text_sink.h"

namespace smslint::cli {
namespace {

constexpr size_t kMaxLineBytes = 4 << 20;

// What the flags say, checked before any input is read.
struct Settings {
  bool jsonl_input = false;
  std::vector<std::pair<Key, std::string>> columns;
  std::optional<MessageTemplate> body_template;
  char delimiter = 0;  // 0: detect
  MessageDefaults defaults;
  std::optional<Price> price;
};

// nullopt after printing a usage error.
std::optional<Settings> ParseSettings(const BatchFlags& flags) {
  Settings s;
  std::string input_format = flags.input_format;
  if (input_format == "auto") {
    const std::string lower = Lower(flags.input);
    input_format = flags.input != "-" && (lower.ends_with(".jsonl") ||
                                          lower.ends_with(".ndjson"))
                       ? "jsonl"
                       : "csv";
  }
  s.jsonl_input = input_format == "jsonl";
  for (const std::string& spec : flags.columns) {
    std::string error;
    auto col = ParseColumnSpec(spec, &error);
    if (!col) {
      std::fprintf(stderr, "smslint: %s\n", error.c_str());
      return std::nullopt;
    }
    s.columns.push_back(std::move(*col));
  }
  bool body_explicit = false;
  for (const auto& [k, h] : s.columns) body_explicit |= k == kBody;
  if (flags.template_given && body_explicit) {
    std::fprintf(stderr, "smslint: --template and --column body=... both "
                         "give the body; use one of them\n");
    return std::nullopt;
  }
  if (s.jsonl_input && (!s.columns.empty() || flags.template_given)) {
    std::fprintf(stderr, "smslint: --column and --template apply to CSV "
                         "input only\n");
    return std::nullopt;
  }
  if (flags.template_given) {
    TemplateError error;
    s.body_template = MessageTemplate::Parse(flags.template_text, &error);
    if (!s.body_template) {
      std::fprintf(stderr, "smslint: --template: %s\n", error.message.c_str());
      return std::nullopt;
    }
  }
  if (!flags.delimiter.empty()) {
    const std::string& d = flags.delimiter;
    if (d == "\\t" || d == "tab" || d == "TAB") s.delimiter = '\t';
    else if (d.size() == 1 && d[0] != '"' && d[0] != '\r' && d[0] != '\n' &&
             d[0] != '\0') s.delimiter = d[0];
    else {
      std::fprintf(stderr, "smslint: --delimiter %s: expected one byte such "
                           "as , ; or tab (not a quote or line end)\n",
                   d.c_str());
      return std::nullopt;
    }
  }
  if (flags.max_field_bytes == 0) {
    std::fprintf(stderr, "smslint: --max-field-bytes must be at least 1\n");
    return std::nullopt;
  }
  if (!flags.kind.empty()) {
    s.defaults.kind = ParseMessageKind(Lower(flags.kind));
    if (!s.defaults.kind) {
      std::fprintf(stderr, "smslint: --kind %s: expected marketing, "
                           "transactional, otp, conversational or "
                           "informational\n", flags.kind.c_str());
      return std::nullopt;
    }
  }
  if (!flags.price_per_segment.empty()) {
    s.price = ParsePrice(flags.price_per_segment);
    if (!s.price) {
      std::fprintf(stderr, "smslint: --price-per-segment %s: expected a "
                           "decimal number such as 0.0079\n",
                   flags.price_per_segment.c_str());
      return std::nullopt;
    }
  }
  s.defaults.first_message = flags.first_message;
  s.defaults.from = flags.from;
  return s;
}

// The report of a row that is not linted (malformed): the segment analysis
// of an empty body and the configured risk thresholds, as docs/batch.md
// promises, so its record has the same shape as any other.
Report EmptyReport(const Linter& linter) {
  Report r;
  r.segments = AnalyzeSegments("");
  r.risk.elevated_threshold = linter.options().elevated_threshold;
  r.risk.high_threshold = linter.options().high_threshold;
  return r;
}

// The record source of the input: JSON Lines, or CSV with its header read
// and columns bound (*csv set); nullptr after printing a usage error.
std::unique_ptr<RecordSource> MakeSource(const BatchFlags& flags,
                                         Settings& settings, std::FILE* in,
                                         const std::string& source,
                                         const CsvSource** csv) {
  if (settings.jsonl_input) {
    auto jsonl = std::make_unique<JsonlSource>(in, source, kMaxLineBytes,
                                               settings.defaults);
    if (const std::string e = jsonl->CheckEncoding(); !e.empty()) {
      std::fprintf(stderr, "smslint: %s\n", e.c_str());
      return nullptr;
    }
    return jsonl;
  }
  CsvSourceOptions options;
  options.name = source;
  options.csv.delimiter = settings.delimiter;
  options.csv.max_field_bytes = flags.max_field_bytes;
  options.columns = settings.columns;
  options.body_template = std::move(settings.body_template);
  options.defaults = settings.defaults;
  std::vector<std::string> messages;
  std::unique_ptr<CsvSource> c = CsvSource::Open(in, std::move(options), &messages);
  for (const std::string& m : messages) {
    std::fprintf(stderr, "smslint: %s\n", m.c_str());
  }
  *csv = c.get();
  return c;
}

// Adds input/duplicate-recipient to a row whose recipient came before, in
// the report's order; false when the rule is off.
bool AddDuplicate(const Linter& linter, const DupTable::Hit& hit, Item& item) {
  const Report& r = item.report;
  std::string number = r.to_number && !r.to_number->e164.empty()
                           ? r.to_number->e164
                           : std::string(Trim(item.record.message.to));
  auto d = linter.MakeDiagnostic(
      "input/duplicate-recipient", "to", std::nullopt,
      {{"number", number},
       {"first_line", std::to_string(hit.first_line)},
       {"first_row", std::to_string(hit.first_row)}});
  if (!d) return false;
  item.report.diagnostics.push_back(std::move(*d));
  SortDiagnostics(item.report.diagnostics);
  return true;
}

std::unique_ptr<Sink> MakeSink(const BatchFlags& flags, std::FILE* out,
                               const std::string& source, const std::string& uri,
                               const CsvSource* csv) {
  if (flags.format == "jsonl") return std::make_unique<JsonlSink>(out, true);
  if (flags.format == "csv") {
    std::vector<std::string> columns = {"id", "to", "from", "body"};
    if (csv != nullptr) columns = csv->header();
    return std::make_unique<CsvSink>(out, std::move(columns),
                                     csv != nullptr ? csv->delimiter() : ',');
  }
  if (flags.format == "sarif") {
    std::function<std::string(std::string_view)> column_of;
    if (csv != nullptr) {
      column_of = [csv](std::string_view f) { return csv->ColumnOf(f); };
    }
    return std::make_unique<SarifSink>(out, uri, std::move(column_of));
  }
  const bool color = ShouldColor(flags.color, out);
  return std::make_unique<TextSink>(
      out, source, TextStyle{.color = color, .detail = false}, true);
}

}  // namespace

int RunBatch(const BatchFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  const char* det = std::getenv("SMSLINT_DETERMINISTIC");
  const bool deterministic = det != nullptr && std::string_view(det) == "1";

  std::optional<Settings> settings = ParseSettings(flags);
  if (!settings) return kExitUsage;
  const Linter linter(flags.options);
  if (!linter.ok()) {
    std::fprintf(stderr, "smslint: %s: %s\n", linter.error().c_str(),
                 linter.error_arg().c_str());
    return kExitUsage;
  }
  const bool track_dups =
      linter.MakeDiagnostic("input/duplicate-recipient", "to", std::nullopt,
                            {}).has_value();

  // Input.
  std::FILE* in = OpenInput(flags.input);
  if (in == nullptr) return kExitUsage;
  std::string source = flags.stdin_filename.empty() ? "<stdin>" : flags.stdin_filename;
  std::string uri = flags.stdin_filename.empty() ? "stdin" : flags.stdin_filename;
  if (flags.input != "-") source = uri = flags.input;
  uint64_t total_bytes = 0;
  {
    struct stat st;
    if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode)) {
      total_bytes = static_cast<uint64_t>(st.st_size);
    }
  }
  struct Closer {
    std::FILE* f;
    ~Closer() { if (f != nullptr && f != stdin) std::fclose(f); }
  } in_closer{in};

  const CsvSource* csv = nullptr;
  std::unique_ptr<RecordSource> records = MakeSource(flags, *settings, in, source, &csv);
  if (records == nullptr) return kExitUsage;

  // Output.
  std::FILE* out = stdout;
  if (!flags.output.empty() && flags.output != "-") {
    out = std::fopen(flags.output.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "smslint: cannot write %s: %s\n",
                   flags.output.c_str(), std::strerror(errno));
      return kExitUsage;
    }
  }
  struct OutCloser {
    std::FILE* f;
    ~OutCloser() { if (f != nullptr && f != stdout) std::fclose(f); }
  } out_closer{out};
  const std::unique_ptr<Sink> sink = MakeSink(flags, out, source, uri, csv);
  sink->Begin();

  // The pipeline: workers decode, lint, finish and render; the writer
  // adds duplicates (they depend on earlier rows), counts and writes.
  const Report unusable = EmptyReport(linter);
  Summary sum;
  DupTable dups;
  Progress progress(!flags.quiet && isatty(STDERR_FILENO) == 1, start, total_bytes);
  uint64_t written_bytes = 0;  // input bytes of the rows written
  PipelineHooks hooks;
  hooks.process = [&](Item& item) {
    records->Decode(item.record);
    item.report = LintRecord(linter, item.record, unusable);
    if (item.record.usable) {
      item.dup_key = RecipientKey(item.report, item.record.message.to);
    }
    sink->Render(item.record, item.report, &item.out);
  };
  hooks.write = [&](Item& item) {
    if (track_dups && item.dup_key != 0) {
      const DupTable::Hit hit = dups.Check(item.dup_key, item.record.row,
                                           item.record.line);
      if (hit.duplicate) {
        ++sum.duplicates;
        if (AddDuplicate(linter, hit, item)) {
          sink->Render(item.record, item.report, &item.out);
        }
      }
    }
    sum.Add(item.report, !item.record.usable, flags.fail_on);
    sink->Write(item.report, item.out);
  };
  hooks.batch_written = [&](uint64_t bytes) {
    if (sink->streams()) std::fflush(out);
    written_bytes = bytes;
    progress.Show(false, sum.rows, written_bytes);
  };
  if (progress.enabled()) {
    hooks.idle = [&] { progress.Show(false, sum.rows, written_bytes); };
  }
  PipelineOptions options;
  options.workers = flags.jobs != 0 ? flags.jobs
                                    : std::max(1u, std::thread::hardware_concurrency());
  RunPipeline(*records, options, hooks);
  progress.Finish(sum.rows, written_bytes);

  const double elapsed =
      deterministic ? 0.0
                    : std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  const double rps =
      deterministic || elapsed <= 0 ? 0.0 : static_cast<double>(sum.rows) / elapsed;

  sink->End();
  const std::string human = HumanSummary(sum, settings->price, dups.capped());
  if (flags.format == "text") {
    const std::string text = human + RuleCounts(sum);
    std::fwrite(text.data(), 1, text.size(), out);
  } else if (!flags.quiet) {
    std::fputs(("smslint: " + human).c_str(), stderr);
  }
  bool write_failed = std::fflush(out) != 0 || std::ferror(out);

  if (!flags.summary_path.empty()) {
    std::FILE* sf = std::fopen(flags.summary_path.c_str(), "wb");
    if (sf == nullptr) {
      std::fprintf(stderr, "smslint: cannot write %s: %s\n",
                   flags.summary_path.c_str(), std::strerror(errno));
      return kExitUsage;
    }
    const std::string text =
        SummaryJson(sum, settings->price, dups.capped(), elapsed, rps);
    std::fwrite(text.data(), 1, text.size(), sf);
    write_failed |= std::fclose(sf) != 0;
  }
  if (write_failed) {
    std::fprintf(stderr, "smslint: error writing output: %s\n",
                 std::strerror(errno));
    return kExitUsage;
  }
  const std::string read_error = records->io_error();
  if (!read_error.empty()) {
    std::fprintf(stderr, "smslint: %s\n", read_error.c_str());
    return kExitUsage;
  }
  if (flags.exit_zero) return kExitOk;
  return sum.failed ? kExitFindings : kExitOk;
}

}  // namespace smslint::cli
