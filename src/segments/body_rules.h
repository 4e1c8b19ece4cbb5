// The body and segment rules (body/*, segments/*).
#ifndef SMSLINT_SRC_SEGMENTS_BODY_RULES_H_
#define SMSLINT_SRC_SEGMENTS_BODY_RULES_H_

#include "rules/emit.h"
#include "smslint/linter.h"
#include "smslint/message.h"
#include "smslint/segments.h"

namespace smslint::internal {

void CheckBody(const Message& message, const SegmentInfo& info,
               const Options& options, const Emit& emit);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_SEGMENTS_BODY_RULES_H_
