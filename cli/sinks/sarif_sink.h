// --format sarif (smslint batch): SARIF 2.1.0, results streamed, the rules
// that occurred written after them (docs/batch.md).
#ifndef SMSLINT_CLI_SINKS_SARIF_SINK_H_
#define SMSLINT_CLI_SINKS_SARIF_SINK_H_

#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "sinks/sink.h"

namespace smslint::cli {

// A file path as the URI reference SARIF's artifactLocation.uri wants
// (RFC 3986): every byte but the unreserved ones (A-Z a-z 0-9 - . _ ~)
// and '/' percent-encoded, so spaces, '%', '#', '?', ':' and non-ASCII
// survive a URI parser and a relative path stays relative. A backslash
// is a character of a POSIX file name, not a separator: it becomes %5C.
std::string PathToUri(std::string_view path);

class SarifSink : public Sink {
 public:
  // `path`: the input as given, written as a URI reference (PathToUri);
  // `column_of` names the input column a report field came from ("" when
  // none).
  SarifSink(std::FILE* out, std::string_view path,
            std::function<std::string(std::string_view field)> column_of)
      : Sink(out), uri_(PathToUri(path)), column_of_(std::move(column_of)) {}
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
