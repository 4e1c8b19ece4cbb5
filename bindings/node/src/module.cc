// The smslint Node-API addon (smslint.node): module registration and the
// functions that need no Linter (segments, rules, version). index.js is the
// public face; this module's exports are its internals.
#include <string>

#include "linter_binding.h"
#include "napi_util.h"
#include "smslint/report.h"
#include "smslint/rules.h"
#include "smslint/segments.h"
#include "smslint/version.h"

namespace smslint::node {
namespace {

// segments(body, smartEncoding) -> SegmentInfoToJson text.
napi_value Segments(napi_env env, napi_callback_info info) {
  return Guard(env, [&]() -> napi_value {
    Args<2> args(env, info);
    const std::string body = GetString(env, args.argv[0], "body");
    SegmentOptions options;
    options.smart_encoding = GetBool(env, args.argv[1], false);
    return String(env, SegmentInfoToJson(AnalyzeSegments(body, options)));
  });
}

// rules() -> [{id, summary, default_severity, ...}]: the fields of
// `smslint rules --format json`, plus message and docs.
napi_value Rules(napi_env env, napi_callback_info) {
  return Guard(env, [&]() -> napi_value {
    napi_value list;
    Check(env, napi_create_array(env, &list));
    uint32_t i = 0;
    for (const RuleInfo& r : AllRules()) {
      napi_value o;
      Check(env, napi_create_object(env, &o));
      Set(env, o, "id", String(env, r.id));
      Set(env, o, "summary", String(env, r.summary));
      Set(env, o, "default_severity", String(env, SeverityName(r.default_severity)));
      Set(env, o, "twilio_code", r.twilio_code ? Number(env, r.twilio_code) : Null(env));
      Set(env, o, "fixable", Bool(env, r.fixable));
      Set(env, o, "weight", Number(env, r.weight));
      Set(env, o, "weight_high", r.weight_high != 0.0 ? Number(env, r.weight_high) : Null(env));
      Set(env, o, "status", String(env, r.status));
      Set(env, o, "since", String(env, r.since));
      Set(env, o, "message", String(env, r.message));
      Set(env, o, "docs", String(env, r.docs));
      Check(env, napi_set_element(env, list, i++, o));
    }
    return list;
  });
}

napi_value Init(napi_env env, napi_value exports) {
  return Guard(env, [&]() -> napi_value {
    const napi_property_descriptor props[] = {
        {"segments", nullptr, Segments, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"rules", nullptr, Rules, nullptr, nullptr, nullptr, napi_default, nullptr},
        {"version", nullptr, nullptr, nullptr, nullptr, String(env, SMSLINT_VERSION),
         napi_enumerable, nullptr},
        {"reportFormatVersion", nullptr, nullptr, nullptr, nullptr,
         Number(env, kReportFormatVersion), napi_enumerable, nullptr},
        {"NativeLinter", nullptr, nullptr, nullptr, nullptr, DefineLinterClass(env),
         napi_enumerable, nullptr},
    };
    Check(env, napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props));
    return exports;
  });
}

}  // namespace
}  // namespace smslint::node

NAPI_MODULE(smslint, smslint::node::Init)
