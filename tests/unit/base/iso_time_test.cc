#include "base/iso_time.h"

#include <cstdio>

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
  // Years 0-9999 are formatted by hand, others by printf: the edges, and
  // an independent civil-date walk (day by day from 0001-01-01) agrees.
  EXPECT_EQ(FormatUtc(253402300799), "9999-12-31T23:59:59Z");
  EXPECT_EQ(FormatUtc(253402300800), "10000-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtc(-62167219200), "0000-01-01T00:00:00Z");
  {
    auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
    const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int64_t t = -62135596800;  // 0001-01-01T00:00:00Z
    for (int y = 1; y <= 2400; ++y) {
      for (int m = 1; m <= 12; ++m) {
        const int days = kDays[m - 1] + (m == 2 && leap(y));
        for (int d = 1; d <= days; ++d, t += 86400) {
          if (d != 1 && d != days && d != 15) continue;
          char want[32];
          const int64_t s = t + (d * 3607 + m * 61) % 86400;  // some time of day
          const int64_t r = s - t;
          std::snprintf(want, sizeof want, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                        static_cast<int>(r / 3600), static_cast<int>(r / 60 % 60),
                        static_cast<int>(r % 60));
          ASSERT_EQ(FormatUtc(s), want);
        }
      }
    }
  }
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
