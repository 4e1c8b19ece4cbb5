// smslint batch --fix: the clean list (--output) and the rejects
// (--rejects) as CSV in the input's columns and delimiter, RFC 4180
// quoting, CRLF line ends; the rejects add smslint_rules and
// smslint_reasons (docs/batch.md, "Fix, block, send").
#ifndef SMSLINT_CLI_SINKS_LIST_SINK_H_
#define SMSLINT_CLI_SINKS_LIST_SINK_H_

#include <cstdio>
#include <string>
#include <vector>

namespace smslint::cli {

class ListSink {
 public:
  // `extra`: header cells after the input's (none for the clean list).
  ListSink(std::FILE* out, std::vector<std::string> header, char delimiter,
           std::vector<std::string> extra)
      : out_(out), header_(std::move(header)), delimiter_(delimiter),
        extra_(std::move(extra)) {}

  void Begin();
  // `fields` padded or cut to the header's width, then `extra` (as many as
  // the header's extra cells).
  void Row(const std::vector<std::string>& fields,
           const std::vector<std::string>& extra = {});
  uint64_t rows() const { return rows_; }

 private:
  std::FILE* out_;
  std::vector<std::string> header_;
  char delimiter_;
  std::vector<std::string> extra_;
  uint64_t rows_ = 0;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_SINKS_LIST_SINK_H_
