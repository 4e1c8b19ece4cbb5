#include "records/jsonl_source.h"

#include <algorithm>
#include <utility>

#include "escape.h"
#include "records/encoding.h"

namespace smslint::cli {

JsonlSource::JsonlSource(std::FILE* in, std::string name,
                         size_t max_line_bytes, MessageDefaults defaults)
    : lines_(in, max_line_bytes),
      name_(std::move(name)),
      max_line_bytes_(max_line_bytes),
      defaults_(std::move(defaults)) {}

std::string JsonlSource::CheckEncoding() {
  if (line_no_ != 0 || ahead_) return "";
  ahead_ = true;
  ahead_end_ = !lines_.Next(ahead_line_, ahead_too_long_);
  if (ahead_end_) return "";
  // The line without its LF: UTF-16 LE's NUL after that LF is not needed.
  if (const auto e = SniffEncoding(std::string_view(ahead_line_).substr(
          0, std::min(ahead_line_.size(), kSniffBytes)))) {
    return ForeignEncodingMessage(name_, *e, ".jsonl");
  }
  return "";
}

bool JsonlSource::NextLine(std::string& line, bool& too_long) {
  if (ahead_) {
    ahead_ = false;
    if (ahead_end_) return false;
    line = std::move(ahead_line_);
    too_long = ahead_too_long_;
    return true;
  }
  return lines_.Next(line, too_long);
}

bool JsonlSource::Read(Record& record) {
  std::string line;
  bool too_long = false;
  if (!NextLine(line, too_long)) return false;
  ++line_no_;
  record.row = record.line = line_no_;
  record.offset = bytes_;
  bytes_ += line.size() + 1;
  // A UTF-8 byte order mark (Windows tools write one) is not content.
  if (line_no_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  record.too_long = too_long;
  record.text.clear();
  if (!too_long) record.text = std::move(line);
  return true;
}

void JsonlSource::Decode(Record& record) const {
  ParsedLine parsed;
  if (record.too_long) {
    parsed.usable = false;
    parsed.problems.push_back(
        {"input/invalid-json",
         {{"line", std::to_string(record.line)},
          {"reason", "line is longer than " +
                         std::to_string(max_line_bytes_) + " bytes"},
          {"offset", std::to_string(max_line_bytes_)}}});
  } else {
    parsed = ParseMessageLine(record.text, record.line);
  }
  Message& m = parsed.message;
  if (parsed.usable) {
    if (m.from.empty() && m.messaging_service_id.empty()) m.from = defaults_.from;
    if (m.kind == MessageKind::kUnspecified && defaults_.kind) m.kind = *defaults_.kind;
    if (defaults_.first_message) m.first_message = true;
  }
  // What CSV output echoes; an unusable line has no fields, its raw text
  // keeps its SARIF fingerprint distinct from every other broken line's.
  record.fields = parsed.usable
                      ? std::vector<std::string>{m.id, m.to, m.from, m.body}
                      : std::vector<std::string>{record.text};
  record.message = std::move(parsed.message);
  record.problems = std::move(parsed.problems);
  record.usable = parsed.usable;
}

std::string JsonlSource::io_error() const {
  if (!lines_.error()) return "";
  return "error reading " + EscapeControls(name_) + " after line " +
         std::to_string(line_no_);
}

}  // namespace smslint::cli
