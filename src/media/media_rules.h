// The media rules (media/*) and MMS eligibility (mms/*).
#ifndef SMSLINT_SRC_MEDIA_MEDIA_RULES_H_
#define SMSLINT_SRC_MEDIA_MEDIA_RULES_H_

#include <cstdint>
#include <functional>
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
  // Where media `path`s may be read: a canonical directory
  // (CanonicalMediaRoot). "": input data never makes smslint open a file,
  // and a path gets media/path-not-allowed.
  std::string_view media_root = {};
  // Whether a rule that needs a file's bytes or size is enabled
  // (MediaRulesReadFiles); when none is, no file is opened.
  bool read_files = false;
};

// Whether any rule that reads a media file (its bytes for the type, its
// size for the total, its errors) is enabled.
bool MediaRulesReadFiles(const std::function<bool(RuleId)>& enabled);

// a + b, or UINT64_MAX (with *saturated set) when that does not fit: sizes
// come from input data, and a wrapped total would pass the 5 MB check.
inline uint64_t AddSaturating(uint64_t a, uint64_t b, bool* saturated) {
  uint64_t sum;
  if (__builtin_add_overflow(a, b, &sum)) {
    *saturated = true;
    return UINT64_MAX;
  }
  return sum;
}

void CheckMedia(const Message& message, const MediaContext& context,
                const Emit& emit);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_MEDIA_MEDIA_RULES_H_
