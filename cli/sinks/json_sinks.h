// --format jsonl: one report per line (docs/report.schema.json), and
// --format json: one document {format_version, tool, source, reports[],
// summary} (smslint check).
#ifndef SMSLINT_CLI_SINKS_JSON_SINKS_H_
#define SMSLINT_CLI_SINKS_JSON_SINKS_H_

#include <cstdint>
#include <string>

#include "sinks/sink.h"

namespace smslint::cli {

class JsonlSink : public Sink {
 public:
  // `with_row` adds the data row (smslint batch).
  JsonlSink(std::FILE* out, bool with_row) : Sink(out), with_row_(with_row) {}
  void Render(const Record& record, const Report& report,
              std::string* out) const override;
  bool streams() const override { return true; }

 private:
  bool with_row_;
};

class JsonSink : public Sink {
 public:
  JsonSink(std::FILE* out, std::string source)
      : Sink(out), source_(std::move(source)) {}
  void Begin() override;
  void Render(const Record& record, const Report& report,
              std::string* out) const override;
  void Write(const Report& report, std::string_view rendered) override;
  void End() override;  // the summary: messages and diagnostic counts

 private:
  std::string source_;
  uint64_t messages_ = 0;
  uint64_t counts_[3] = {0, 0, 0};  // by Severity
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_SINKS_JSON_SINKS_H_
