#include "jsonl_reader.h"

#include <cstdio>
#include <string>

namespace smslint::cli {

ParsedLine ParseMessageLine(std::string_view line, size_t line_number) {
  return ParseMessage(line, line_number);
}

bool LineReader::Next(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  int c;
  // getc_unlocked: this reader is the only user of the stream.
  while ((c = getc_unlocked(in_)) != EOF) {
    any = true;
    if (c == '\n') break;
    if (line.size() < max_) {
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
  if (c == EOF && std::ferror(in_)) error_ = true;
  if (!any) return false;
  if (!line.empty() && line.back() == '\r' && !too_long) line.pop_back();
  return true;
}

}  // namespace smslint::cli
