// smslint batch --fix (docs/batch.md, "Fix, block, send"): the safe fixes
// of a row applied to the message fields that come from a CSV column, and
// which findings block a row from the clean list.
#ifndef SMSLINT_CLI_BATCH_FIXES_H_
#define SMSLINT_CLI_BATCH_FIXES_H_

#include <string>
#include <string_view>
#include <vector>

#include "smslint/message.h"
#include "smslint/report.h"

namespace smslint::cli {

// Applies the edits of every fix marked safe whose field is one of
// `fields` ("to", "from", "body") to that field of *message; an edit that
// overlaps an earlier one of the same field is left out. Returns the fields
// that changed.
std::vector<std::string> ApplySafeFixes(const Report& report,
                                        const std::vector<std::string>& fields,
                                        Message* message);

// What keeps a row out of the clean list: findings at error level (after
// the safe fixes), the duplicate-recipient finding, and any finding of a
// rule or area in `rules`.
struct BlockPolicy {
  bool errors = true;
  bool duplicates = true;
  // Rule ids ("account/suppressed-recipient") or areas ("account").
  std::vector<std::string> rules = {"account/suppressed-recipient",
                                    "account/geo-permission-disabled",
                                    "account/embargoed-destination"};

  bool Blocks(const Diagnostic& d) const;
};

// The findings of `report` that block it, in report order.
std::vector<const Diagnostic*> BlockingFindings(const Report& report,
                                                const BlockPolicy& policy);

// Whether `spec` names a rule or an area of rules (for --block).
bool IsRuleOrArea(std::string_view spec);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_FIXES_H_
