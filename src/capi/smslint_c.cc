// The C ABI: smslint::Linter behind C functions. Every entry point catches
// everything, since a C++ exception unwinding into C code is undefined
// behaviour; the only one expected is std::bad_alloc, which becomes NULL.
#include "smslint/smslint_c.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "smslint/config.h"
#include "smslint/linter.h"
#include "smslint/report.h"
#include "smslint/version.h"

// The opaque handle of the C header, global as the C declaration is.
struct smslint_linter {
  explicit smslint_linter(const smslint::Options& options) : linter(options) {}
  const smslint::Linter linter;
};

namespace {

// What config errors call the TOML text, as a file name would be.
constexpr std::string_view kConfigSourceName = "<config>";

// (pointer, length) from C: NULL reads as the empty string.
std::string_view View(const char* p, size_t len) {
  return p == nullptr ? std::string_view() : std::string_view(p, len);
}

// A malloc'd NUL-terminated copy (smslint_free releases it), or NULL.
char* Copy(std::string_view s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out == nullptr) return nullptr;
  if (!s.empty()) std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}

void SetError(char** error, std::string_view message) {
  if (error != nullptr) *error = Copy(message);
}

}  // namespace

extern "C" {

smslint_linter* smslint_linter_new(const char* toml, size_t len, char** error) {
  if (error != nullptr) *error = nullptr;
  try {
    smslint::Options options;
    if (toml != nullptr) {
      smslint::ConfigError config_error;
      if (!smslint::LoadConfigString(View(toml, len), kConfigSourceName, &options,
                                     &config_error)) {
        SetError(error, config_error.ToString());
        return nullptr;
      }
    }
    auto* linter = new smslint_linter(options);
    if (!linter->linter.ok()) {
      // Checks only the Linter makes (media root exists, ...): no line.
      std::string why = std::string(kConfigSourceName) + ": " + linter->linter.error();
      if (!linter->linter.error_arg().empty()) why += ": " + linter->linter.error_arg();
      delete linter;
      SetError(error, why);
      return nullptr;
    }
    return linter;
  } catch (const std::bad_alloc&) {
    SetError(error, "out of memory");
  } catch (const std::exception& e) {
    SetError(error, e.what());
  } catch (...) {
    SetError(error, "unknown error");
  }
  return nullptr;
}

void smslint_linter_free(smslint_linter* linter) { delete linter; }

char* smslint_lint_json(const smslint_linter* linter, const char* json, size_t len,
                        size_t* out_len) {
  if (out_len != nullptr) *out_len = 0;
  if (linter == nullptr) return nullptr;
  try {
    // No ReportContext: the caller's message has no input line ("line": null).
    const std::string report =
        smslint::ReportToJson(linter->linter.LintJson(View(json, len)));
    char* out = Copy(report);
    if (out != nullptr && out_len != nullptr) *out_len = report.size();
    return out;
  } catch (...) {
    return nullptr;
  }
}

uint32_t smslint_segment_count(const smslint_linter* linter, const char* body,
                               size_t len) {
  if (linter == nullptr) return 0;
  try {
    return linter->linter.SegmentCount(View(body, len));
  } catch (...) {
    return 0;
  }
}

const char* smslint_version(void) { return SMSLINT_VERSION; }

void smslint_free(void* p) { std::free(p); }

}  // extern "C"
