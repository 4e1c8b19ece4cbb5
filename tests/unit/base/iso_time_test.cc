#include "base/iso_time.h"

#include <gtest/gtest.h>

namespace smslint::base {
namespace {

int64_t Seconds(std::string_view s) {
  const IsoTime t = ParseIsoTime(s);
  EXPECT_TRUE(t.unix_seconds.has_value()) << s << ": " << t.error;
  return t.unix_seconds.value_or(-1);
}

TEST(IsoTimeTest, AcceptsUtcAndOffsets) {
  EXPECT_EQ(Seconds("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(Seconds("2026-12-03T13:30:00Z"), 1796304600);  // date -u -d ... +%s
  EXPECT_EQ(Seconds("2026-12-03T14:30:00+01:00"), 1796304600);
  EXPECT_EQ(Seconds("2026-12-03T08:30:00-05:00"), 1796304600);
  EXPECT_EQ(Seconds("2026-12-03T13:30:00.999Z"), 1796304600);  // fraction dropped
  EXPECT_EQ(Seconds("2028-02-29T00:00:00Z"), 1835395200);      // leap day
  EXPECT_EQ(Seconds("1969-12-31T23:59:59Z"), -1);
}

TEST(IsoTimeTest, RefusesEverythingElse) {
  for (const char* s :
       {"", "2026-12-03", "2026-12-03 13:30:00Z", "2026-12-03t13:30:00Z",
        "2026-12-03T13:30:00", "2026-12-03T13:30:00z", "2026-12-03T13:30Z",
        "2026-12-03T13:30:00+0100", "2026-12-03T13:30:00+01", "2026-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z", "2026-12-03T24:00:00Z", "2026-12-03T23:59:60Z",
        "0000-01-01T00:00:00Z", "2026-12-03T13:30:00Z ", " 2026-12-03T13:30:00Z",
        "2026-12-03T13:30:00.Z", "2026-12-03T13:30:00.1234567890Z", "12/03/2026",
        "1796304600", "2026-12-03T13:30:00+24:00"}) {
    const IsoTime t = ParseIsoTime(s);
    EXPECT_FALSE(t.unix_seconds.has_value()) << s;
    EXPECT_FALSE(t.error.empty()) << s;
  }
}

TEST(IsoTimeTest, SaysWhereAndWhy) {
  IsoTime t = ParseIsoTime("2026-12-03 13:30:00Z");
  EXPECT_EQ(t.error_at, 10u);
  EXPECT_EQ(t.error, "expected T between the date and the time");
  t = ParseIsoTime("2026-12-03T13:30:00");
  EXPECT_EQ(t.error_at, 19u);
  EXPECT_EQ(t.error, "no time zone (expected Z or an offset such as +01:00)");
}

TEST(IsoTimeTest, FormatsUtcAndDurations) {
  EXPECT_EQ(FormatUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtc(1796304600), "2026-12-03T13:30:00Z");
  EXPECT_EQ(FormatUtc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatDuration(0), "0 s");
  EXPECT_EQ(FormatDuration(300), "5 min");
  EXPECT_EQ(FormatDuration(310), "5 min 10 s");
  EXPECT_EQ(FormatDuration(3 * 3600 + 60), "3 h 1 min");
  EXPECT_EQ(FormatDuration(35 * 86400), "35 days");
  EXPECT_EQ(FormatDuration(86400 + 7200), "1 day 2 h");
  EXPECT_EQ(FormatDuration(-90), "-1 min 30 s");
  EXPECT_EQ(FormatDuration(INT64_MIN).substr(0, 1), "-");
}

}  // namespace
}  // namespace smslint::base
