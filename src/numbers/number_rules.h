// The number rules (to/*, from/*, message/* ): E.164 form, libphonenumber's
// possibility and validity reasons, number types, short codes, alphanumeric
// sender ids and messaging service ids.
#ifndef SMSLINT_SRC_NUMBERS_NUMBER_RULES_H_
#define SMSLINT_SRC_NUMBERS_NUMBER_RULES_H_

#include <optional>
#include <string>

#include "rules/emit.h"
#include "numbers/phone_util.h"
#include "smslint/linter.h"
#include "smslint/message.h"
#include "smslint/numbers.h"

namespace smslint::internal {

struct NumberResults {
  std::optional<NumberInfo> to;
  std::optional<NumberInfo> from;
};

// Checks `to`, `from` and `messaging_service_id`. `region` is the region
// national-format numbers are read in (already resolved from the message
// and the options; "" for none). `fast_numbers` is Options::fast_numbers
// (PhoneUtil::Analyze).
NumberResults CheckNumbers(const Message& message, const std::string& region,
                           const PhoneUtil& phones, bool fast_numbers,
                           const Emit& emit);

// The region a message's numbers are read in: Message::region (upper-cased)
// when set, else `default_region`. Emits message/unknown-region for a
// region libphonenumber does not know, and then uses `default_region`.
std::string ResolveRegion(const Message& message,
                          const std::string& default_region,
                          const PhoneUtil& phones, const Emit& emit);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_NUMBERS_NUMBER_RULES_H_
