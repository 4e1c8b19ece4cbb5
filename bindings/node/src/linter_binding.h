// The native side of the JS Linter: class NativeLinter, which owns a
// std::shared_ptr<const smslint::Linter> (so that async work in flight keeps
// the Linter alive after the JS object is collected).
#ifndef SMSLINT_BINDINGS_NODE_LINTER_BINDING_H_
#define SMSLINT_BINDINGS_NODE_LINTER_BINDING_H_

#include <memory>

#include "napi_util.h"
#include "smslint/linter.h"

namespace smslint::node {

// The NativeLinter constructor, to be exported.
napi_value DefineLinterClass(napi_env env);

// The Linter wrapped by `object` (a NativeLinter); TypeError otherwise.
std::shared_ptr<const Linter> UnwrapLinter(napi_env env, napi_value object);

// NativeLinter.prototype.lintBatch(lines): lints each line of `lines` (one
// JSON message per line) on the libuv thread pool; resolves to the JSON
// array of their reports as one string. lint_batch.cc.
napi_value LintBatch(napi_env env, napi_callback_info info);

}  // namespace smslint::node

#endif  // SMSLINT_BINDINGS_NODE_LINTER_BINDING_H_
