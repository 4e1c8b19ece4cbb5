// NativeLinter: construction from TOML text, lint, segmentCount and the
// benchmark hook. index.js builds the public Linter on it.
#include "linter_binding.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "smslint/config.h"
#include "smslint/parse.h"
#include "smslint/report.h"

namespace smslint::node {
namespace {

// Tags NativeLinter objects, so that an object wrapped by another addon is
// never taken for one.
constexpr napi_type_tag kLinterTag = {0x736d736c696e7421ULL, 0x4e6f64654c696e74ULL};

using SharedLinter = std::shared_ptr<const Linter>;

void Finalize(napi_env, void* data, void*) { delete static_cast<SharedLinter*>(data); }

// Throws an Error with code ERR_SMSLINT_CONFIG and the fields of `error`
// (source, key, line, column, reason); index.js turns it into a ConfigError.
[[noreturn]] void ThrowConfigError(napi_env env, const std::string& source,
                                   const std::string& key, int line, int column,
                                   const std::string& reason) {
  std::string text = source;
  if (line > 0) text += ":" + std::to_string(line) + ":" + std::to_string(column);
  text += ": ";
  if (!key.empty()) text += key + ": ";
  text += reason;
  napi_value code = String(env, "ERR_SMSLINT_CONFIG");
  napi_value msg = String(env, text);
  napi_value error;
  Check(env, napi_create_error(env, code, msg, &error));
  Set(env, error, "source", String(env, source));
  Set(env, error, "key", String(env, key));
  Set(env, error, "line", Number(env, line));
  Set(env, error, "column", Number(env, column));
  Set(env, error, "reason", String(env, reason));
  Check(env, napi_throw(env, error));
  throw JsPending{};
}

// new NativeLinter(configText, optionsText, fastNumbers): both texts are
// TOML (docs/config.md) or null; the options' text is read after the
// config's, so its settings win (lists add).
napi_value Construct(napi_env env, napi_callback_info info) {
  return Guard(env, [&]() -> napi_value {
    Args<3> args(env, info);
    napi_value new_target = nullptr;
    Check(env, napi_get_new_target(env, info, &new_target));
    if (new_target == nullptr) ThrowType(env, "NativeLinter must be called with new");
    Options options;
    std::string text;
    ConfigError error;
    if (GetOptionalString(env, args.argv[0], "config", &text) &&
        !LoadConfigString(text, "config", &options, &error)) {
      ThrowConfigError(env, "config", error.key, error.line, error.column, error.message);
    }
    if (GetOptionalString(env, args.argv[1], "options", &text) &&
        !LoadConfigString(text, "options", &options, &error)) {
      ThrowConfigError(env, "options", error.key, error.line, error.column, error.message);
    }
    options.fast_numbers = GetBool(env, args.argv[2], true);
    auto linter = std::make_shared<const Linter>(options);
    if (!linter->ok()) {
      // Linter's own checks (an unknown region, a missing media root): name
      // the option whose value error_arg() is.
      std::string key;
      if (!options.media_root.empty() && linter->error_arg() == options.media_root) {
        key = "media.root";
      } else if (!options.default_region.empty() &&
                 linter->error_arg() == options.default_region) {
        key = "lint.default_region";
      }
      ThrowConfigError(env, "options", key, 0, 0, linter->error());
    }
    auto* holder = new SharedLinter(std::move(linter));
    napi_status status = napi_wrap(env, args.self, holder, Finalize, nullptr, nullptr);
    if (status != napi_ok) delete holder;
    Check(env, status);
    Check(env, napi_type_tag_object(env, args.self, &kLinterTag));
    return args.self;
  });
}

// lint(json) -> the report as JSON text (ReportToJson).
napi_value Lint(napi_env env, napi_callback_info info) {
  return Guard(env, [&]() -> napi_value {
    Args<1> args(env, info);
    SharedLinter linter = UnwrapLinter(env, args.self);
    const std::string json = GetString(env, args.argv[0], "message JSON");
    return String(env, ReportToJson(linter->LintJson(json)));
  });
}

// maxSeverity(json) -> the report's highest severity (0 info, 1 warning,
// 2 error; -1 when nothing was found), with no report built for JS: the
// cheap question a send path asks.
napi_value MaxSeverity(napi_env env, napi_callback_info info) {
  return Guard(env, [&]() -> napi_value {
    Args<1> args(env, info);
    SharedLinter linter = UnwrapLinter(env, args.self);
    const std::string json = GetString(env, args.argv[0], "message JSON");
    const std::optional<Severity> max = linter->LintJson(json).MaxSeverity();
    return Number(env, max ? static_cast<int>(*max) : -1);
  });
}

// segmentCount(body) -> Linter::SegmentCount.
napi_value SegmentCount(napi_env env, napi_callback_info info) {
  return Guard(env, [&]() -> napi_value {
    Args<1> args(env, info);
    SharedLinter linter = UnwrapLinter(env, args.self);
    const std::string body = GetString(env, args.argv[0], "body");
    return Number(env, linter->SegmentCount(body));
  });
}

// benchNative(json, n) -> {lintJsonNs, lintNs, reportToJsonNs}: the mean
// time of n native calls, for bench/node_bench.js (not public API).
napi_value BenchNative(napi_env env, napi_callback_info info) {
  return Guard(env, [&]() -> napi_value {
    Args<2> args(env, info);
    SharedLinter linter = UnwrapLinter(env, args.self);
    const std::string json = GetString(env, args.argv[0], "message JSON");
    int64_t n = 0;
    Check(env, napi_get_value_int64(env, args.argv[1], &n));
    if (n < 1) n = 1;
    using Clock = std::chrono::steady_clock;
    auto per_call = [n](Clock::time_point start) {
      return std::chrono::duration<double, std::nano>(Clock::now() - start).count() /
             static_cast<double>(n);
    };
    size_t sink = 0;
    auto start = Clock::now();
    for (int64_t i = 0; i < n; ++i) sink += linter->LintJson(json).diagnostics.size();
    const double lint_json_ns = per_call(start);
    const ParsedMessage parsed = ParseMessage(json);
    start = Clock::now();
    for (int64_t i = 0; i < n; ++i) sink += linter->Lint(parsed.message).diagnostics.size();
    const double lint_ns = per_call(start);
    const Report report = linter->LintJson(json);
    start = Clock::now();
    for (int64_t i = 0; i < n; ++i) sink += ReportToJson(report).size();
    const double to_json_ns = per_call(start);
    napi_value out;
    Check(env, napi_create_object(env, &out));
    Set(env, out, "lintJsonNs", Number(env, lint_json_ns));
    Set(env, out, "lintNs", Number(env, lint_ns));
    Set(env, out, "reportToJsonNs", Number(env, to_json_ns));
    Set(env, out, "sink", Number(env, static_cast<double>(sink)));
    return out;
  });
}

}  // namespace

SharedLinter UnwrapLinter(napi_env env, napi_value object) {
  bool tagged = false;
  napi_valuetype type;
  Check(env, napi_typeof(env, object, &type));
  if (type == napi_object) {
    Check(env, napi_check_object_type_tag(env, object, &kLinterTag, &tagged));
  }
  if (!tagged) ThrowType(env, "this is not a smslint NativeLinter");
  void* data = nullptr;
  Check(env, napi_unwrap(env, object, &data));
  return *static_cast<SharedLinter*>(data);
}

napi_value DefineLinterClass(napi_env env) {
  const napi_property_descriptor methods[] = {
      {"lint", nullptr, Lint, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"lintBatch", nullptr, LintBatch, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"maxSeverity", nullptr, MaxSeverity, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"segmentCount", nullptr, SegmentCount, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"benchNative", nullptr, BenchNative, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_value cls;
  Check(env, napi_define_class(env, "NativeLinter", NAPI_AUTO_LENGTH, Construct, nullptr,
                               sizeof(methods) / sizeof(methods[0]), methods, &cls));
  return cls;
}

}  // namespace smslint::node
