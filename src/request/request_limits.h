// Twilio's limits for the request's URLs, scheduled sending and validity: data, with
// the pages they come from (read 2026-12 through the docs search). When
// Twilio changes them, change them here and in data/rules/schedule.toml.
#ifndef SMSLINT_SRC_REQUEST_REQUEST_LIMITS_H_
#define SMSLINT_SRC_REQUEST_REQUEST_LIMITS_H_

#include <cstdint>

namespace smslint::internal {

struct ScheduleWindow {
  // SendAt must be at least this far ahead of the request. Error 35114's
  // page: "SendAt time must be between 300 seconds and 35 days (3024000
  // seconds) in the future, inclusive" (twilio.com/docs/api/errors/35114;
  // 35115 and 35117 say the same).
  int64_t min_lead_seconds;
  // What the Message Scheduling guide, error 35111's page and older copies
  // of 35114 still say: "at least 15 minutes before the intended send time"
  // (twilio.com/docs/messaging/features/message-scheduling). Below it:
  // schedule/send-at-short-lead, a warning.
  int64_t legacy_min_lead_seconds;
  // At most 35 days ahead (same pages). The 2022 beta FAQ said 7 days.
  int64_t max_lead_seconds;
};

inline constexpr ScheduleWindow kScheduleWindow{300, 900, 35 * 86400};

// ValidityPeriod: "integers between 1 and 36,000 seconds (10 hours max)"
// (twilio.com/docs/api/errors/21624 and 90007).
inline constexpr int64_t kMinValidityPeriod = 1;
inline constexpr int64_t kMaxValidityPeriod = 36'000;

// The longest URL Twilio documents for a Messages request parameter:
// StatusCallback, "The URL exceeds the 4000-character limit"
// (twilio.com/docs/api/errors/21609). Applied to MediaUrl too, which has no
// documented limit of its own.
inline constexpr size_t kMaxRequestUrlCharacters = 4000;

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_REQUEST_REQUEST_LIMITS_H_
