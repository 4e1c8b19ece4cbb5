// File: smslint/config.h
//
// Reading smslint's TOML configuration (docs/config.md) into Options.
//
//   smslint::Options options;
//   smslint::ConfigError error;
//   if (!smslint::LoadConfigFile("smslint.toml", &options, &error)) {
//     // error.file, error.line, error.key, error.message
//   }
//   const smslint::Linter linter(options);
#ifndef SMSLINT_CONFIG_H_
#define SMSLINT_CONFIG_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "smslint/export.h"
#include "smslint/linter.h"

namespace smslint {

// Limits on a configuration, checked before it is parsed (docs/config.md):
// its size, and how deeply it nests (arrays, inline tables and dotted key
// parts together), since the TOML parser recurses per level.
inline constexpr size_t kMaxConfigBytes = 1 << 20;  // 1 MiB
inline constexpr int kMaxConfigDepth = 64;

// smslint::ConfigError
//
// Where and why a configuration was rejected.
struct SMSLINT_API ConfigError {
  std::string file;     // the path (or source name) read
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based; 0 when unknown
  std::string key;      // dotted key, e.g. "lint.max_segments"; "" for syntax
  std::string message;  // what is wrong

  // "smslint.toml:3:1: lint.max_segment: unknown key"
  std::string ToString() const;
};

// Reads the TOML file at `path` into `options`: settings the file has
// replace those in `options`, the others are kept. Returns false, with
// `error` filled and `options` unchanged, on an unreadable file, anything
// that is not a regular file (a directory, /dev/zero, a FIFO), a file over
// kMaxConfigBytes or nested deeper than kMaxConfigDepth, a syntax error, an
// unknown key, a value of the wrong type or range, or an unknown rule id or
// area. A relative [media] root is taken relative to the file's folder.
// Never throws.
SMSLINT_API bool LoadConfigFile(const std::string& path, Options* options,
                                ConfigError* error);

// The same from text; `source_name` is what errors call it. A relative
// [media] root stays relative (to the working directory).
SMSLINT_API bool LoadConfigString(std::string_view toml,
                                  std::string_view source_name,
                                  Options* options, ConfigError* error);

}  // namespace smslint

#endif  // SMSLINT_CONFIG_H_
