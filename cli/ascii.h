// Small ASCII helpers of the CLI, moved here from batch_command.cc as they
// were; the base layer (issue 10, part 3) replaces them.
#ifndef SMSLINT_CLI_ASCII_H_
#define SMSLINT_CLI_ASCII_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace smslint::cli {

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// 64-bit FNV-1a: duplicate keys of unparseable numbers, SARIF fingerprints.
inline uint64_t Fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_ASCII_H_
