// Where finished reports go: one sink per --format, shared by smslint check
// and smslint batch. Render is const and thread-safe (batch workers format
// records in parallel); Begin, Write and End run on one thread, in order.
#ifndef SMSLINT_CLI_SINKS_SINK_H_
#define SMSLINT_CLI_SINKS_SINK_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "output.h"
#include "records/record.h"
#include "smslint/report.h"

namespace smslint::cli {

class Sink {
 public:
  explicit Sink(std::FILE* out) : out_(out) {}
  virtual ~Sink() = default;
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  // Whatever comes before the first record (a CSV header, a JSON prefix).
  virtual void Begin() {}
  // One record's output, replacing *out.
  virtual void Render(const Record& record, const Report& report,
                      std::string* out) const = 0;
  // Writes a rendered record (separators, what End needs to know).
  virtual void Write(const Report& report, std::string_view rendered) {
    (void)report;
    Put(rendered);
  }
  // Whatever comes after the last record.
  virtual void End() {}
  // True when readers consume records as they come (JSON Lines): the
  // caller flushes after each record or batch.
  virtual bool streams() const { return false; }

  std::FILE* out() const { return out_; }

 protected:
  // Checked (output.h): a failure is seen by FlushErrno at the latest.
  void Put(std::string_view s) { WriteAll(out_, s); }

 private:
  std::FILE* out_;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_SINKS_SINK_H_
