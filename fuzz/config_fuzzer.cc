// Fuzz target for the TOML configuration loader (src/config.cc).
//
// Invariants:
//  - LoadConfigString never throws or crashes on any bytes;
//  - on failure, the Options are untouched and the error has a message and
//    names the source;
//  - on success, a Linter built from the Options is ok, unless the only
//    problem is a default_region libphonenumber does not know, or an
//    [account] value the Linter judges (regions, numbers, suppression list
//    files, which the loader does not read).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.h"
#include "smslint/config.h"
#include "smslint/linter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  smslint::Options options;
  options.max_segments = 7;
  smslint::ConfigError error;
  const bool ok = smslint::LoadConfigString(text, "fuzz.toml", &options, &error);
  if (!ok) {
    FUZZ_CHECK(options.max_segments == 7);
    FUZZ_CHECK(options.disabled_rules.empty());
    FUZZ_CHECK(options.severity_overrides.empty());
    FUZZ_CHECK(!error.message.empty());
    FUZZ_CHECK(error.file == "fuzz.toml");
    return 0;
  }
  const smslint::Linter linter(options);
  FUZZ_CHECK_MSG(linter.ok() || linter.error_arg() == options.default_region ||
                     linter.error().rfind("account.", 0) == 0 ||
                     linter.error().rfind("suppression list ", 0) == 0,
                 linter.error() + ": " + linter.error_arg());
  return 0;
}
