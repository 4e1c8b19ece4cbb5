// Strict ISO 8601 timestamps with a zone offset ("2026-12-03T14:30:00Z",
// "2026-12-03T09:30:00-05:00"), as Twilio's SendAt takes them and as
// `smslint --now` reads them. Shared by the library and the CLI; no time
// zone database, no locale, no clock.
//
//   IsoTime t = ParseIsoTime("2026-12-03T14:30:00+01:00");
//   assert(t.unix_seconds && *t.unix_seconds == 1796304600);
//   assert(FormatUtc(1796304600) == "2026-12-03T13:30:00Z");
#ifndef SMSLINT_SRC_BASE_ISO_TIME_H_
#define SMSLINT_SRC_BASE_ISO_TIME_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smslint::base {

struct IsoTime {
  // Seconds since 1970-01-01T00:00:00Z (fractions dropped); nullopt when
  // the text is not a timestamp of the accepted form.
  std::optional<int64_t> unix_seconds;
  // Why not, and the byte where the problem is (when unix_seconds is
  // nullopt).
  std::string error;
  size_t error_at = 0;
};

// Accepts exactly YYYY-MM-DD"T"hh:mm:ss[.fraction](Z|+hh:mm|-hh:mm): the
// extended format of ISO 8601 / RFC 3339 with a date, a time to the second
// and a zone; years 0001-9999; no leap second (Twilio's examples and error
// pages give only this form). A lower-case "t" or "z", a space for "T", or
// a missing zone are refused: a time without a zone means a different
// instant on every machine.
IsoTime ParseIsoTime(std::string_view text);

// "2026-12-03T13:30:00Z".
std::string FormatUtc(int64_t unix_seconds);

// "4 min 10 s", "2 h 5 min", "36 days 1 h": a duration for messages.
std::string FormatDuration(int64_t seconds);

}  // namespace smslint::base

#endif  // SMSLINT_SRC_BASE_ISO_TIME_H_
