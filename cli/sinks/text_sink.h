// --format text: the shared renderer (text_renderer.h), one block per record.
#ifndef SMSLINT_CLI_SINKS_TEXT_SINK_H_
#define SMSLINT_CLI_SINKS_TEXT_SINK_H_

#include <string>

#include "sinks/sink.h"
#include "sinks/text_renderer.h"

namespace smslint::cli {

class TextSink : public Sink {
 public:
  // `source` names the input in each line; `with_row` adds "(row N)"
  // (smslint batch).
  TextSink(std::FILE* out, std::string source, TextStyle style, bool with_row)
      : Sink(out), source_(std::move(source)), style_(style), with_row_(with_row) {}

  void Render(const Record& record, const Report& report,
              std::string* out) const override {
    *out = RenderText(report, record.message, source_, record.line,
                      with_row_ ? std::optional<uint64_t>(record.row) : std::nullopt,
                      style_);
  }

 private:
  std::string source_;
  TextStyle style_;
  bool with_row_;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_SINKS_TEXT_SINK_H_
