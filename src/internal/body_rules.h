// The body and segment rules (body/*, segments/*).
#ifndef SMSLINT_SRC_INTERNAL_BODY_RULES_H_
#define SMSLINT_SRC_INTERNAL_BODY_RULES_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smslint/diagnostic.h"
#include "smslint/linter.h"
#include "smslint/message.h"
#include "smslint/segments.h"

namespace smslint::internal {

// Adds a diagnostic of a rule, or nothing when the rule is disabled; returns
// it so a fix can be attached. The pointer is valid until the next call.
using Emit = std::function<Diagnostic*(
    std::string_view rule_id, std::string_view field, std::optional<Span> span,
    std::vector<std::pair<std::string, std::string>> args)>;

void CheckBody(const Message& message, const SegmentInfo& info,
               const Options& options, const Emit& emit);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_INTERNAL_BODY_RULES_H_
