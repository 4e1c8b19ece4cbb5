// Reads the body files written by bench/corpus.py: JSONL, one
// {"body": "..."} a line. Shared by segments_bench and segments_timer so
// both parse the files the same way.
#ifndef SMSLINT_BENCH_BODY_FILE_H_
#define SMSLINT_BENCH_BODY_FILE_H_

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace smslint::bench {

// Throws std::runtime_error when the file is missing or a line is not a
// JSON object with a string "body".
inline std::vector<std::string> ReadBodies(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::string> bodies;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    bodies.push_back(nlohmann::json::parse(line).at("body").get<std::string>());
  }
  return bodies;
}

}  // namespace smslint::bench

#endif  // SMSLINT_BENCH_BODY_FILE_H_
