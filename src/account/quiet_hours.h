// schedule/quiet-hours (docs/account.md, "Quiet hours"): whether a
// marketing message reaches its recipient at night, by the time zone(s)
// libphonenumber's data gives the number and the windows of
// data/account/quiet_hours.tsv plus [account.quiet_hours.windows].
// Immutable after construction; Check is safe from many threads.
#ifndef SMSLINT_SRC_ACCOUNT_QUIET_HOURS_H_
#define SMSLINT_SRC_ACCOUNT_QUIET_HOURS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/emit.h"
#include "smslint/account.h"
#include "smslint/message.h"
#include "smslint/numbers.h"

namespace smslint::internal {

// The zones ('&'-separated IANA ids) and US state ("" if none) of the
// longest table prefix of an E.164 number; zones "" when none matches.
struct NumberZones {
  std::string_view zones, state;
};
NumberZones ZonesForNumber(std::string_view e164);

// Reads "HH:MM-HH:MM" (end exclusive, "24:00" allowed, start before end)
// into minutes of the day; false if it is not that.
bool ParseQuietWindow(std::string_view text, int* start, int* end);

class QuietHours {
 public:
  // Checks the kinds and windows; on failure error() says why and
  // error_arg() names the value.
  explicit QuietHours(const QuietHoursOptions& options);

  const std::string& error() const { return error_; }
  const std::string& error_arg() const { return error_arg_; }

  // Emits schedule/quiet-hours when `m` is of a checked kind, `to` has a
  // zone and the send time (send_at if valid, else `now`) is outside a
  // window in any of the number's zones.
  void Check(const Message& m, const NumberInfo* to, int64_t now, const Emit& emit) const;

  // One allowed window: weekdays (bit 0 Monday) and minutes [start, end).
  struct Window {
    uint8_t days;
    int start, end;
  };
  // A jurisdiction: sending is allowed when any of its windows allows it.
  struct Group {
    std::string label;  // "US federal 08:00-21:00"
    std::vector<Window> windows;
  };

 private:
  // What Check finds for one recipient zone set at one instant, before the
  // message's own words go in.
  struct Verdict {
    bool quiet = false;
    std::string zone, window;
    int64_t local = 0;            // `at` in `zone`
    std::optional<int64_t> next;  // the next allowed instant, UTC
    int64_t next_local = 0;       // `next` in `zone`
  };
  Verdict Decide(const NumberZones& nz, std::string_view region, int64_t at) const;

  std::vector<std::string> kinds_;
  std::vector<std::pair<std::string, Group>> configured_;  // region -> group
  // Tells this object's memoised verdicts from another's (Check).
  uint64_t id_ = 0;
  std::string error_, error_arg_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_ACCOUNT_QUIET_HOURS_H_
