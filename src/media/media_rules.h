// The media rules (media/*) and MMS eligibility (mms/*).
#ifndef SMSLINT_SRC_MEDIA_MEDIA_RULES_H_
#define SMSLINT_SRC_MEDIA_MEDIA_RULES_H_

#include <string_view>

#include "rules/emit.h"
#include "smslint/message.h"

namespace smslint::internal {

// Twilio's limits (Twilio docs "Accepted Content Types for Media", Media
// resource). 5 MB is read as 5,000,000 bytes: the stricter reading, so a
// file Twilio might reject is never passed.
inline constexpr size_t kMaxMediaItems = 10;
inline constexpr uint64_t kMaxMediaBytes = 5'000'000;
// The smallest carrier limit Twilio publishes for non-image attachments
// (AT&T, T-Mobile and Verizon toll-free; AT&T short code): 0.6 MB.
inline constexpr uint64_t kCarrierNonImageBytes = 600'000;

struct MediaContext {
  std::string_view to_region;    // "" when unknown
  std::string_view from_region;  // "" when unknown or not a phone number
};

void CheckMedia(const Message& message, const MediaContext& context,
                const Emit& emit);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_MEDIA_MEDIA_RULES_H_
