// Small ASCII helpers of the CLI, on top of the base layer (src/base/ascii.h).
#ifndef SMSLINT_CLI_ASCII_H_
#define SMSLINT_CLI_ASCII_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/ascii.h"

namespace smslint::cli {

inline std::string Lower(std::string_view s) { return base::LowerAscii(s); }

// CSV fields: blanks only (a line break inside a quoted field is content).
inline std::string_view Trim(std::string_view s) { return base::TrimAscii(s, " \t"); }

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
