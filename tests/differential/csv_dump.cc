// Prints the records cli::CsvReader reads from a file, one JSON line each,
// for csv_diff.py to compare with Python's csv module:
//
//   {"index":0,"line":1,"offset":0,"fields":["a","b"],"blank":false,"error":""}
//
//   csv_dump [--delimiter C] [--chunk N] [--max-field N] [--count] FILE|-
//
// --count prints only the totals and the reading speed (for measuring the
// reader: nothing but reading is timed).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "csv_reader.h"

int main(int argc, char** argv) {
  smslint::cli::CsvOptions options;
  bool count_only = false;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--delimiter" && i + 1 < argc) {
      const std::string d = argv[++i];
      options.delimiter = d == "\\t" ? '\t' : d[0];
    } else if (arg == "--chunk" && i + 1 < argc) {
      options.chunk_bytes = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--max-field" && i + 1 < argc) {
      options.max_field_bytes = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--count") {
      count_only = true;
    } else {
      path = argv[i];
    }
  }
  if (path == nullptr) {
    std::fprintf(stderr,
                 "usage: csv_dump [--delimiter C] [--chunk N] [--max-field N] "
                 "[--count] FILE|-\n");
    return 2;
  }
  std::FILE* in = std::strcmp(path, "-") == 0 ? stdin : std::fopen(path, "rb");
  if (in == nullptr) {
    std::perror(path);
    return 2;
  }
  smslint::cli::CsvReader reader(in, options);
  smslint::cli::CsvRecord record;
  uint64_t records = 0;
  uint64_t fields = 0;
  uint64_t errors = 0;
  const auto start = std::chrono::steady_clock::now();
  while (reader.Next(&record)) {
    ++records;
    fields += record.fields.size();
    errors += !record.error.empty();
    if (count_only) continue;
    const nlohmann::json j = {{"index", record.index},
                              {"line", record.line},
                              {"offset", record.byte_offset},
                              {"fields", record.fields},
                              {"blank", record.blank},
                              {"error", record.error}};
    const std::string s =
        j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fwrite(s.data(), 1, s.size(), stdout);
    std::fputc('\n', stdout);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (count_only) {
    std::printf("%llu records, %llu fields, %llu errors, %llu bytes, %.3f s, "
                "%.0f MB/s\n",
                static_cast<unsigned long long>(records),
                static_cast<unsigned long long>(fields),
                static_cast<unsigned long long>(errors),
                static_cast<unsigned long long>(reader.offset()), seconds,
                reader.offset() / seconds / 1e6);
  }
  if (!reader.io_error().empty()) {
    std::fprintf(stderr, "%s: %s\n", path, reader.io_error().c_str());
    return 1;
  }
  return 0;
}
