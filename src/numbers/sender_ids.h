// Format checks of sender ids that are not phone numbers: what `from` is
// (phone, short code, alphanumeric), alphanumeric sender ids and messaging
// service ids. Pure string checks, no libphonenumber.
#ifndef SMSLINT_SRC_NUMBERS_SENDER_IDS_H_
#define SMSLINT_SRC_NUMBERS_SENDER_IDS_H_

#include <string>
#include <string_view>

#include "smslint/numbers.h"

namespace smslint::internal {

// What a non-empty `from` is meant to be:
//  - starting with "+" or "tel:": kPhone;
//  - with an ASCII letter: kAlphanumeric (which may be malformed, e.g.
//    "Acme-Corp"), unless it has at least 7 digits and at most 3 letters
//    (an extension: "415 555 0100 ext 12"), which is kPhone;
//  - only ASCII digits, 3 to 8 of them: kShortCode;
//  - anything else: kPhone, so libphonenumber says why it is not a number.
NumberKind ClassifySender(std::string_view from);

// "+", then 1-9, then at most 14 more digits, nothing else.
bool IsStrictE164(std::string_view s);

// Why an alphanumeric sender id is malformed ("" when it is well-formed):
// 1 to 11 characters from A-Z a-z 0-9 and space, with at least one letter.
// `reason` gets the machine code ("too_long", "bad_characters",
// "no_letter"), the return value a sentence.
std::string AlphanumericProblem(std::string_view id, std::string* reason);

// "MG" followed by 32 lowercase or uppercase hex digits.
bool IsMessagingServiceId(std::string_view id);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_NUMBERS_SENDER_IDS_H_
