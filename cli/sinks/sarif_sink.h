// --format sarif (smslint batch): SARIF 2.1.0, results streamed, the rules
// that occurred written after them (docs/batch.md).
#ifndef SMSLINT_CLI_SINKS_SARIF_SINK_H_
#define SMSLINT_CLI_SINKS_SARIF_SINK_H_

#include <functional>
#include <set>
#include <string>

#include "sinks/sink.h"

namespace smslint::cli {

class SarifSink : public Sink {
 public:
  // `uri`: the input as given; `column_of` names the input column a
  // report field came from ("" when none).
  SarifSink(std::FILE* out, std::string uri,
            std::function<std::string(std::string_view field)> column_of)
      : Sink(out), uri_(std::move(uri)), column_of_(std::move(column_of)) {}
  void Begin() override;
  void Render(const Record& record, const Report& report,
              std::string* out) const override;
  void Write(const Report& report, std::string_view rendered) override;
  void End() override;

 private:
  std::string uri_;
  std::function<std::string(std::string_view)> column_of_;
  bool first_ = true;
  std::set<std::string> rule_ids_;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_SINKS_SARIF_SINK_H_
