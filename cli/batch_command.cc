// smslint batch: lint a CSV contact list (or JSON Lines messages) row by
// row, in parallel, with ordered output and flat memory (docs/batch.md).
// This file is wiring: flags → a record source (records/), a sink (sinks/)
// and the pipeline (batch/), whose ordered writer adds duplicates and
// counts the summary.
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "ascii.h"
#include "batch/dup_table.h"
#include "batch/fixes.h"
#include "batch/pipeline.h"
#include "batch/price.h"
#include "batch/progress.h"
#include "batch/pumping.h"
#include "batch/send_plan.h"
#include "batch/summary.h"
#include "commands.h"
#include "finish_report.h"
#include "output_file.h"
#include "records/columns.h"
#include "records/csv_source.h"
#include "records/jsonl_source.h"
#include "sinks/csv_sink.h"
#include "sinks/html_report.h"
#include "sinks/json_sinks.h"
#include "sinks/list_sink.h"
#include "sinks/sarif_sink.h"
#include "sinks/text_sink.h"

namespace smslint::cli {
namespace {

constexpr size_t kMaxLineBytes = 4 << 20;

// --jobs above this is refused: more threads than 4 per core only cost
// memory (docs/batch.md); 16 is always allowed, so that a script runs on
// any machine, and 256 never exceeded.
unsigned MaxJobs() {
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  return std::min(256u, std::max(16u, 4 * hw));
}

// What the flags say, checked before any input is read.
struct Settings {
  bool jsonl_input = false;
  std::vector<std::pair<Key, std::string>> columns;
  std::optional<MessageTemplate> body_template;
  char delimiter = 0;  // 0: detect
  MessageDefaults defaults;
  std::optional<Price> price;
  unsigned jobs = 1;
  BlockPolicy block;
  Severity show = Severity::kWarning;
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
  if (flags.jobs > MaxJobs()) {
    std::fprintf(stderr, "smslint: --jobs %u: at most %u on this machine (4 "
                         "per hardware thread, 16 at least, 256 at most)\n",
                 flags.jobs, MaxJobs());
    return std::nullopt;
  }
  s.jobs = flags.jobs != 0 ? flags.jobs
                           : std::max(1u, std::thread::hardware_concurrency());
  if (flags.fix) {
    if (s.jsonl_input) {
      std::fprintf(stderr, "smslint: --fix applies to CSV input only\n");
      return std::nullopt;
    }
    if (flags.output.empty() || flags.output == "-" || flags.rejects.empty() ||
        flags.rejects == "-") {
      std::fprintf(stderr, "smslint: --fix writes the clean list to --output FILE "
                           "and the blocked rows to --rejects FILE; give both\n");
      return std::nullopt;
    }
  } else if (!flags.rejects.empty()) {
    std::fprintf(stderr, "smslint: --rejects goes with --fix\n");
    return std::nullopt;
  }
  for (const std::string& b : flags.block) {
    if (!IsRuleOrArea(b)) {
      std::fprintf(stderr, "smslint: --block %s: not a rule id or area (smslint "
                           "rules lists them)\n", b.c_str());
      return std::nullopt;
    }
    s.block.rules.push_back(b);
  }
  s.block.duplicates = !flags.no_block_duplicates;
  s.show = *ParseSeverity(flags.show);
  s.defaults.first_message = flags.first_message;
  s.defaults.from = flags.from;
  return s;
}

// The report of a row that is not linted (malformed): the segment analysis
// of an empty body and the configured risk thresholds, as docs/batch.md
// promises, so its record has the same shape as any other.
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

std::unique_ptr<Sink> MakeSink(const BatchFlags& flags, Severity show, std::FILE* out,
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
      out, source, TextStyle{.color = color, .detail = false, .min_severity = show}, true);
}

// The files a run writes: where the records go (standard output with
// --fix), and, when asked for, the clean list, the rejects, the summary and
// the HTML report.
struct Outputs {
  std::unique_ptr<OutputFile> records, clean, rejects, summary, html;
};

// Checks the output paths against the input (the open descriptor `in_fd`)
// and each other, then opens them; false after printing why.
bool OpenOutputs(const BatchFlags& flags, int in_fd, Outputs* outs) {
  const FileIdentity std_out = IdentifyDescriptor(STDOUT_FILENO);
  std::vector<NamedFile> inputs = {
      {flags.input == "-" ? "standard input" : "the input " + flags.input,
       IdentifyDescriptor(in_fd)}};
  std::vector<NamedFile> outputs;
  bool has_stdout = false;  // standard output is one stream, however named
  auto add = [&](const std::string& flag, const std::string& path) {
    if (path.empty() || path == "-") {
      if (!has_stdout) outputs.push_back({"standard output", std_out});
      has_stdout = true;
      return;
    }
    FileIdentity id = IdentifyPath(path);
    if (id.exists && std_out.exists && id.dev == std_out.dev && id.ino == std_out.ino) {
      if (!has_stdout) outputs.push_back({flag + " " + path + " (standard output)", id});
      has_stdout = true;
      return;
    }
    outputs.push_back({flag + " " + path, std::move(id)});
  };
  // With --fix the records go to standard output and --output is the
  // clean list.
  const std::string records_path = flags.fix ? "-" : flags.output;
  struct Wanted {
    const char* flag;
    std::string path;
    std::unique_ptr<OutputFile>* file;
  };
  std::vector<Wanted> wanted = {{"--output", records_path, &outs->records}};
  if (flags.fix) {
    wanted.push_back({"--output", flags.output, &outs->clean});
    wanted.push_back({"--rejects", flags.rejects, &outs->rejects});
  }
  if (!flags.summary_path.empty()) {
    wanted.push_back({"--summary", flags.summary_path, &outs->summary});
  }
  if (!flags.report_html.empty()) {
    wanted.push_back({"--report-html", flags.report_html, &outs->html});
  }
  for (const Wanted& w : wanted) {
    if (w.file == &outs->records && flags.fix) {
      add("standard output", "-");
    } else {
      add(w.flag, w.path);
    }
  }
  const std::string clash = FindClash(inputs, outputs);
  if (!clash.empty()) {
    std::fprintf(stderr, "smslint: %s\n", clash.c_str());
    return false;
  }
  std::string error;
  for (const Wanted& w : wanted) {
    *w.file = OutputFile::Open(w.path, &error);
    if (*w.file == nullptr) {
      std::fprintf(stderr, "smslint: %s\n", error.c_str());
      return false;
    }
  }
  return true;
}

// Flushes standard output, or closes and renames an output file; false
// after printing why.
bool Finish(OutputFile& file) {
  if (file.is_stdout()) {
    const int err = FlushErrno(stdout);
    if (err != 0) ReportWriteError(err);
    return err == 0;
  }
  std::string error;
  if (file.Commit(&error)) return true;
  std::fprintf(stderr, "smslint: %s\n", error.c_str());
  return false;
}

}  // namespace

int RunBatch(const BatchFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
#ifdef __GLIBC__
  // Blocks of 1 MiB and more (a huge row's text and report lists) are
  // mapped and returned to the system when freed. glibc would otherwise
  // raise this threshold as such blocks are freed and keep them in each
  // worker's arena: with 8 workers, 4 MB JSON lines peaked at 530 MB
  // instead of 180 MB (docs/batch.md, "Threads and memory"). Ordinary rows
  // never allocate that much.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  // Setting that threshold also pins the trim threshold at 128 KiB, so an
  // arena gave its top back (madvise, TLB shootdowns on every core) after
  // about every batch: ~7 % of the system time of a 2-worker run. Up to
  // 4 MiB of free top per arena is kept instead.
  mallopt(M_TRIM_THRESHOLD, 4 << 20);
#endif
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
  const bool track_dups = linter.RuleEnabled("input/duplicate-recipient");

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

  // Outputs: none may be the input or another output, and each is created
  // (as a temporary file) before the first row is read, so that a run that
  // cannot write stops before doing the work.
  Outputs outs;
  if (!OpenOutputs(flags, fileno(in), &outs)) return kExitUsage;
  std::FILE* out = outs.records->stream();

  const CsvSource* csv = nullptr;
  std::unique_ptr<RecordSource> records = MakeSource(flags, *settings, in, source, &csv);
  if (records == nullptr) return kExitUsage;

  const std::unique_ptr<Sink> sink = MakeSink(flags, settings->show, out, source, uri, csv);
  sink->Begin();

  // --fix: the clean list and the rejects, in the input's columns.
  std::optional<ListSink> clean, rejects;
  if (flags.fix) {
    clean.emplace(outs.clean->stream(), csv->header(), csv->delimiter(),
                  std::vector<std::string>{});
    rejects.emplace(outs.rejects->stream(), csv->header(), csv->delimiter(),
                    std::vector<std::string>{"smslint_rules", "smslint_reasons"});
    clean->Begin();
    rejects->Begin();
  }
  // The message fields a safe fix may change: those read from a column
  // (a templated body, or a --from default, is not the list's to change).
  std::vector<std::string> fix_fields;
  if (csv != nullptr) {
    for (const char* f : {"to", "from", "body"}) {
      if (csv->ColumnIndex(f) >= 0) fix_fields.push_back(f);
    }
  }

  // The pipeline: workers decode, lint, finish and render; the writer
  // adds duplicates (they depend on earlier rows), counts and writes.
  Summary sum;
  SendPlan plan;
  DupTable dups;
  // SMS-pumping indicators ([account.pumping]), across rows in input order.
  PumpingDetector pumping(linter.options().account.pumping);
  bool track_pumping = false;
  for (const char* id : {"pumping/sequential-run", "pumping/number-block-concentration",
                         "pumping/unexpected-country", "pumping/high-risk-prefix"}) {
    track_pumping |= linter.RuleEnabled(id);
  }
  Progress progress(!flags.quiet && isatty(STDERR_FILENO) == 1, start, total_bytes);
  uint64_t written_bytes = 0;  // input bytes of the rows written
  PipelineHooks hooks;
  hooks.process = [&](Item& item) {
    records->Decode(item.record);
    // The raw line is decoded; what the sinks echo is in record.fields.
    std::string().swap(item.record.text);
    const bool try_fix = item.record.usable && !fix_fields.empty();
    std::vector<InputProblem> problems;
    if (try_fix) problems = item.record.problems;
    item.report = LintRecord(linter, item.record);
    if (item.record.usable) {
      item.dup_key = RecipientKey(item.report, item.record.message.to);
    }
    const Message* sent = &item.record.message;
    Record fixed;
    if (try_fix) {
      // The fixed row is linted again: what is left decides whether it
      // can be sent (a safe fix may resolve more than its own finding).
      fixed.message = item.record.message;
      const Message& original = item.record.message;
      const std::vector<std::string> changed =
          ApplySafeFixes(item.report, fix_fields, &fixed.message);
      if (!changed.empty()) {
        fixed.problems = std::move(problems);
        fixed.usable = true;
        item.fixed = LintRecord(linter, fixed);
        item.fixed_fields = item.record.fields;
        for (const std::string& f : changed) {
          const int c = csv->ColumnIndex(f);
          const Message& m = fixed.message;
          if (c < 0 || static_cast<size_t>(c) >= item.fixed_fields.size()) continue;
          // An empty sender cell took --from: the cell stays as it was.
          const std::string& was = f == "to" ? original.to : f == "from" ? original.from
                                                                          : original.body;
          if (item.fixed_fields[c] != was) continue;
          item.fixed_fields[c] = f == "to" ? m.to : f == "from" ? m.from : m.body;
        }
        sent = &fixed.message;
      }
    }
    const Report& final_report = item.fixed ? *item.fixed : item.report;
    if (item.record.usable && final_report.segments.encoding == Encoding::kUcs2) {
      item.smart_segments = CountSegments(sent->body, SegmentOptions{.smart_encoding = true});
    }
    sink->Render(item.record, item.report, &item.out);
  };
  hooks.write = [&](Item& item) {
    if (track_dups && item.dup_key != 0) {
      const DupTable::Hit hit = dups.Check(item.dup_key, item.record.row,
                                           item.record.line);
      if (hit.duplicate) {
        ++sum.duplicates;
        if (AddDuplicate(linter, hit, item.report, item.record.message.to)) {
          sink->Render(item.record, item.report, &item.out);
        }
      }
    }
    if (track_pumping && item.record.usable) {
      std::vector<PumpingHit> hits = pumping.Row(item.report, item.record.row);
      bool added = false;
      for (PumpingHit& hit : hits) {
        auto d = linter.MakeDiagnostic(hit.rule_id, "to", std::nullopt, std::move(hit.args));
        if (!d) continue;
        item.report.diagnostics.push_back(std::move(*d));
        added = true;
      }
      if (added) {
        SortDiagnostics(item.report.diagnostics);
        sink->Render(item.record, item.report, &item.out);
      }
    }
    sum.Add(item.report, !item.record.usable, flags.fail_on);
    sink->Write(item.report, item.out);
    // Where the row goes: what blocks it is judged on the fixed row, with
    // the findings only the writer adds (duplicates, pumping).
    if (item.fixed) {
      for (const Diagnostic& d : item.report.diagnostics) {
        if (d.rule_id == "input/duplicate-recipient" || d.rule_id.starts_with("pumping/")) {
          item.fixed->diagnostics.push_back(d);
        }
      }
    }
    const Report& final_report = item.fixed ? *item.fixed : item.report;
    const std::vector<const Diagnostic*> blocking =
        BlockingFindings(final_report, settings->block);
    // A blocked row's recipient as the list has it: the operator looks
    // for it there.
    plan.Add(item.record.row, item.record.line, final_report, item.fixed.has_value(),
             blocking, item.record.usable, item.smart_segments, item.record.message.to);
    if (flags.fix) {
      if (blocking.empty()) {
        clean->Row(item.fixed ? item.fixed_fields : item.record.fields);
      } else {
        std::string ids, reasons;
        std::set<std::string_view> seen;
        for (const Diagnostic* d : blocking) {
          if (seen.insert(d->rule_id).second) {
            ids += (ids.empty() ? "" : " ") + d->rule_id;
          }
          reasons += (reasons.empty() ? "" : "; ") + d->message;
        }
        rejects->Row(item.record.fields, {ids, reasons});
      }
    }
  };
  hooks.batch_written = [&](uint64_t bytes) {
    if (sink->streams()) FlushErrno(out);  // checked by hooks.stop
    written_bytes = bytes;
    progress.Show(false, sum.rows, written_bytes);
  };
  // A write error ends the run (reported below): linting on is pointless.
  hooks.stop = [&] {
    return std::ferror(out) != 0 ||
           (flags.fix && (std::ferror(outs.clean->stream()) != 0 ||
                          std::ferror(outs.rejects->stream()) != 0));
  };
  if (progress.enabled()) {
    hooks.idle = [&] { progress.Show(false, sum.rows, written_bytes); };
  }
  PipelineOptions options;
  options.workers = settings->jobs;
  const std::string thread_error = RunPipeline(*records, options, hooks);
  if (!thread_error.empty()) {
    std::fprintf(stderr, "smslint: %s\n", thread_error.c_str());
    return kExitUsage;
  }
  progress.Finish(sum.rows, written_bytes);

  const double elapsed =
      deterministic ? 0.0
                    : std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  const double rps =
      deterministic || elapsed <= 0 ? 0.0 : static_cast<double>(sum.rows) / elapsed;

  // A failed run (a read or write error) exits 2 and leaves every output
  // file as it was: the destructors remove the temporary files.
  const std::string read_error = records->io_error();
  if (!read_error.empty()) {
    std::fprintf(stderr, "smslint: %s\n", read_error.c_str());
    return kExitUsage;
  }
  sink->End();
  const std::string human = HumanSummary(sum, settings->price, dups.capped()) +
                            SendPlanHuman(plan, settings->price) + PumpingHuman(pumping);
  if (flags.format == "text") {
    WriteAll(out, human + RuleCounts(sum));
  } else if (!flags.quiet) {
    std::fputs(("smslint: " + human).c_str(), stderr);
  }
  if (!Finish(*outs.records)) return kExitUsage;
  if (flags.fix && (!Finish(*outs.clean) || !Finish(*outs.rejects))) return kExitUsage;
  if (outs.summary != nullptr) {
    // After the records: /dev/stdout as --summary follows them.
    WriteAll(outs.summary->stream(),
             SummaryJson(sum, settings->price, dups.capped(), elapsed, rps,
                         pumping.counts().any() ? PumpingJson(pumping) : "",
                         SendPlanJson(plan, settings->price)));
    if (!Finish(*outs.summary)) return kExitUsage;
  }
  if (outs.html != nullptr) {
    WriteAll(outs.html->stream(), HtmlReport(source, sum, plan, settings->price));
    if (!Finish(*outs.html)) return kExitUsage;
  }
  if (flags.exit_zero) return kExitOk;
  return sum.failed ? kExitFindings : kExitOk;
}

}  // namespace smslint::cli
