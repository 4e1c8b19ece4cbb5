// Small helpers over Node-API's C interface (node_api.h), used by the addon.
//
// The rule of the addon: no C++ exception crosses into Node. Every callback
// body runs inside Guard, which turns a C++ exception into a pending JS
// exception; a failed napi_* call throws JsPending (after making sure a JS
// exception is pending), which Guard swallows.
#ifndef SMSLINT_BINDINGS_NODE_NAPI_UTIL_H_
#define SMSLINT_BINDINGS_NODE_NAPI_UTIL_H_

#define NAPI_VERSION 8
#include <node_api.h>

#include <cstddef>
#include <exception>
#include <new>
#include <string>
#include <string_view>

namespace smslint::node {

// A JS exception is pending; unwind to the callback's Guard.
struct JsPending {};

// Throws JsPending unless `status` is napi_ok; makes sure a JS exception is
// pending (the one a failed call left, or a generic Error naming the call).
inline void Check(napi_env env, napi_status status) {
  if (status == napi_ok) return;
  // Read the error first: every Node-API call resets it.
  const napi_extended_error_info* info = nullptr;
  napi_get_last_error_info(env, &info);
  const std::string msg = (info != nullptr && info->error_message != nullptr)
                              ? info->error_message
                              : "Node-API call failed";
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw_error(env, "ERR_SMSLINT_NAPI", ("smslint: " + msg).c_str());
  throw JsPending{};
}

// Throws a JS TypeError (code ERR_INVALID_ARG_TYPE) and unwinds.
[[noreturn]] inline void ThrowType(napi_env env, const std::string& message) {
  napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", message.c_str());
  throw JsPending{};
}

// Runs `body` (returning napi_value); any C++ exception becomes a JS Error.
template <typename F>
napi_value Guard(napi_env env, F&& body) noexcept {
  try {
    return body();
  } catch (const JsPending&) {
  } catch (const std::bad_alloc&) {
    napi_throw_error(env, "ERR_SMSLINT_NO_MEMORY", "smslint: out of memory");
  } catch (const std::exception& e) {
    napi_throw_error(env, "ERR_SMSLINT_INTERNAL",
                     (std::string("smslint: ") + e.what()).c_str());
  } catch (...) {
    napi_throw_error(env, "ERR_SMSLINT_INTERNAL", "smslint: unknown C++ exception");
  }
  return nullptr;
}

// The UTF-8 text of a JS string (lone surrogates become U+FFFD); TypeError
// naming `what` when `value` is not a string.
inline std::string GetString(napi_env env, napi_value value, const char* what) {
  napi_valuetype type;
  Check(env, napi_typeof(env, value, &type));
  if (type != napi_string) ThrowType(env, std::string(what) + " must be a string");
  size_t length = 0;
  Check(env, napi_get_value_string_utf8(env, value, nullptr, 0, &length));
  std::string out(length, '\0');
  // The call writes a terminating NUL: give it room, then drop it.
  out.resize(length + 1);
  Check(env, napi_get_value_string_utf8(env, value, out.data(), out.size(), &length));
  out.resize(length);
  return out;
}

// A string argument that may be null or undefined (nullptr result then).
inline bool GetOptionalString(napi_env env, napi_value value, const char* what,
                              std::string* out) {
  napi_valuetype type;
  Check(env, napi_typeof(env, value, &type));
  if (type == napi_null || type == napi_undefined) return false;
  *out = GetString(env, value, what);
  return true;
}

inline bool GetBool(napi_env env, napi_value value, bool fallback) {
  napi_valuetype type;
  Check(env, napi_typeof(env, value, &type));
  if (type != napi_boolean) return fallback;
  bool b = fallback;
  Check(env, napi_get_value_bool(env, value, &b));
  return b;
}

inline napi_value String(napi_env env, std::string_view s) {
  napi_value v;
  Check(env, napi_create_string_utf8(env, s.data(), s.size(), &v));
  return v;
}

inline napi_value Number(napi_env env, double d) {
  napi_value v;
  Check(env, napi_create_double(env, d, &v));
  return v;
}

inline napi_value Bool(napi_env env, bool b) {
  napi_value v;
  Check(env, napi_get_boolean(env, b, &v));
  return v;
}

inline napi_value Null(napi_env env) {
  napi_value v;
  Check(env, napi_get_null(env, &v));
  return v;
}

inline void Set(napi_env env, napi_value object, const char* key, napi_value value) {
  Check(env, napi_set_named_property(env, object, key, value));
}

// The callback's arguments (missing ones are undefined) and `this`.
template <size_t N>
struct Args {
  napi_value argv[N] = {};
  napi_value self = nullptr;
  size_t argc = N;
  Args(napi_env env, napi_callback_info info) {
    Check(env, napi_get_cb_info(env, info, &argc, argv, &self, nullptr));
    napi_value undefined;
    Check(env, napi_get_undefined(env, &undefined));
    for (size_t i = argc; i < N; ++i) argv[i] = undefined;
  }
};

}  // namespace smslint::node

#endif  // SMSLINT_BINDINGS_NODE_NAPI_UTIL_H_
