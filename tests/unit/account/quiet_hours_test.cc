// schedule/quiet-hours through the Linter (data/rules/schedule.toml) and
// its time-zone table. 2026-12-03 is a Thursday; New York is UTC-5 then.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "account/quiet_hours.h"
#include "base/iso_time.h"
#include "smslint/config.h"
#include "smslint/linter.h"

namespace smslint {
namespace {

constexpr char kRule[] = "schedule/quiet-hours";

int64_t At(const char* iso) { return *base::ParseIsoTime(iso).unix_seconds; }

Options Us(const char* now) {
  Options o;
  o.default_region = "US";
  o.now_unix_seconds = At(now);
  return o;
}

Message Marketing(std::string to, MessageKind kind = MessageKind::kMarketing) {
  Message m;
  m.to = std::move(to);
  m.from = "+14155550100";
  m.body = "Acme: 20% off this weekend. Reply STOP to opt out.";
  m.kind = kind;
  return m;
}

std::optional<Diagnostic> Find(const Report& r) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == kRule) return d;
  }
  return std::nullopt;
}

std::string Arg(const Diagnostic& d, const std::string& name) {
  for (const auto& [k, v] : d.args) {
    if (k == name) return v;
  }
  return "<none>";
}

TEST(QuietHoursTest, NewYorkAt2130Fires) {
  const Linter linter(Us("2026-12-04T02:30:00Z"));
  ASSERT_TRUE(linter.ok()) << linter.error();
  const Report r = linter.Lint(Marketing("+12125550123"));
  const std::optional<Diagnostic> d = Find(r);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->severity, Severity::kWarning);
  EXPECT_EQ(Arg(*d, "local_time"), "2026-12-03 21:30 (Thu)");
  EXPECT_EQ(Arg(*d, "zone"), "America/New_York");
  EXPECT_EQ(Arg(*d, "at"), "now");
  EXPECT_EQ(Arg(*d, "window"), "US federal 08:00-21:00");
  // Across midnight: the next morning.
  EXPECT_EQ(Arg(*d, "next_local"), "2026-12-04 08:00 (Fri) America/New_York");
  EXPECT_EQ(Arg(*d, "next_utc"), "2026-12-04T13:00:00Z");
  EXPECT_EQ(d->twilio_code, 30610);
}

TEST(QuietHoursTest, AfterMidnightTheSameMorning) {
  const Linter linter(Us("2026-12-04T05:30:00Z"));  // 00:30 in New York
  const std::optional<Diagnostic> d = Find(linter.Lint(Marketing("+12125550123")));
  ASSERT_TRUE(d);
  EXPECT_EQ(Arg(*d, "local_time"), "2026-12-04 00:30 (Fri)");
  EXPECT_EQ(Arg(*d, "next_utc"), "2026-12-04T13:00:00Z");
}

TEST(QuietHoursTest, FloridaAt2030FiresOnTheStateWindow) {
  const Linter linter(Us("2026-12-04T01:30:00Z"));  // 20:30 in Miami
  const std::optional<Diagnostic> d = Find(linter.Lint(Marketing("+13055550123")));
  ASSERT_TRUE(d);
  EXPECT_EQ(Arg(*d, "window"), "US-FL 08:00-20:00");
  EXPECT_EQ(Arg(*d, "next_utc"), "2026-12-04T13:00:00Z");
  // 20:30 in New York is within the federal window.
  EXPECT_FALSE(Find(linter.Lint(Marketing("+12125550123"))));
}

TEST(QuietHoursTest, DoesNotFireOnOtherKindsOrInTheDay) {
  const Linter night(Us("2026-12-04T02:30:00Z"));
  EXPECT_FALSE(Find(night.Lint(Marketing("+12125550123", MessageKind::kTransactional))));
  EXPECT_FALSE(Find(night.Lint(Marketing("+12125550123", MessageKind::kUnspecified))));
  const Linter day(Us("2026-12-03T15:00:00Z"));  // 10:00 in New York
  EXPECT_FALSE(Find(day.Lint(Marketing("+12125550123"))));
}

TEST(QuietHoursTest, KindsAreConfigurable) {
  Options o = Us("2026-12-04T02:30:00Z");
  o.account.quiet_hours.kinds = {"informational"};
  const Linter linter(o);
  ASSERT_TRUE(linter.ok()) << linter.error();
  EXPECT_FALSE(Find(linter.Lint(Marketing("+12125550123"))));
  EXPECT_TRUE(Find(linter.Lint(Marketing("+12125550123", MessageKind::kInformational))));
}

TEST(QuietHoursTest, MultiZonePrefixIsCheckedInEveryZone) {
  const internal::NumberZones z = internal::ZonesForNumber("+12085550123");
  EXPECT_EQ(z.zones, "America/Boise&America/Denver&America/Los_Angeles");
  EXPECT_EQ(z.state, "ID");
  // 08:30 in Boise, 07:30 in Los Angeles: quiet in one zone is enough.
  const Linter linter(Us("2026-12-03T15:30:00Z"));
  const std::optional<Diagnostic> d = Find(linter.Lint(Marketing("+12085550123")));
  ASSERT_TRUE(d);
  EXPECT_EQ(Arg(*d, "zone"), "America/Los_Angeles");
  EXPECT_EQ(Arg(*d, "local_time"), "2026-12-03 07:30 (Thu)");
  // Allowed in every zone once it is 08:00 in Los Angeles.
  EXPECT_EQ(Arg(*d, "next_utc"), "2026-12-03T16:00:00Z");
  const Linter later(Us("2026-12-03T16:00:00Z"));
  EXPECT_FALSE(Find(later.Lint(Marketing("+12085550123"))));
}

TEST(QuietHoursTest, SendAtWinsOverNow) {
  const Linter day(Us("2026-12-03T15:00:00Z"));  // 10:00 in New York
  Message m = Marketing("+12125550123");
  m.messaging_service_id = "MG0123456789abcdef0123456789abcdef";
  m.schedule_type = "fixed";
  m.send_at = "2026-12-04T03:00:00Z";  // 22:00 in New York
  const std::optional<Diagnostic> d = Find(day.Lint(m));
  ASSERT_TRUE(d);
  EXPECT_EQ(Arg(*d, "at"), "at send_at");
  EXPECT_EQ(d->field, "send_at");
  EXPECT_EQ(Arg(*d, "local_time"), "2026-12-03 22:00 (Thu)");
  // A night-time "now" does not matter when send_at is in the day.
  const Linter night(Us("2026-12-04T02:30:00Z"));
  m.send_at = "2026-12-04T15:00:00Z";
  EXPECT_FALSE(Find(night.Lint(m)));
  // An invalid send_at falls back to now.
  m.send_at = "tomorrow";
  EXPECT_TRUE(Find(night.Lint(m)));
}

TEST(QuietHoursTest, StateDaysOfTheWeek) {
  // Sunday 2026-12-06, 10:00 in Houston: Texas allows Sundays from noon.
  const Linter sunday(Us("2026-12-06T16:00:00Z"));
  const std::optional<Diagnostic> tx = Find(sunday.Lint(Marketing("+17135550123")));
  ASSERT_TRUE(tx);
  EXPECT_EQ(Arg(*tx, "window"), "US-TX Mon-Sat 09:00-21:00, Sun 12:00-21:00");
  EXPECT_EQ(Arg(*tx, "next_utc"), "2026-12-06T18:00:00Z");
  // Mississippi allows no Sunday sending: Monday 08:00 in Jackson.
  const std::optional<Diagnostic> ms = Find(sunday.Lint(Marketing("+16015550123")));
  ASSERT_TRUE(ms);
  EXPECT_EQ(Arg(*ms, "next_local"), "2026-12-07 08:00 (Mon) America/Chicago");
}

TEST(QuietHoursTest, ConfiguredWindowsForOtherCountries) {
  Options o = Us("2026-12-03T22:30:00Z");  // 22:30 in London
  const Linter plain(o);
  EXPECT_FALSE(Find(plain.Lint(Marketing("+447400123456"))));
  o.account.quiet_hours.windows = {{"GB", "08:00-21:00"}};
  const Linter gb(o);
  ASSERT_TRUE(gb.ok()) << gb.error();
  const std::optional<Diagnostic> d = Find(gb.Lint(Marketing("+447400123456")));
  ASSERT_TRUE(d);
  EXPECT_EQ(Arg(*d, "window"), "GB (configured) 08:00-21:00");
  EXPECT_EQ(Arg(*d, "next_utc"), "2026-12-04T08:00:00Z");
}

// Verdicts are memoised per thread by (Linter, zones, instant): Linters
// built one after another (maybe at one address) with other windows, and
// one instant asked again, still get their own answers.
TEST(QuietHoursTest, MemoisedVerdictsStayPerLinter) {
  Options o = Us("2026-12-03T22:30:00Z");  // 22:30 in London
  for (const char* window : {"08:00-21:00", "08:00-23:00", "09:00-22:00", "08:00-23:00"}) {
    o.account.quiet_hours.windows = {{"GB", window}};
    const auto linter = std::make_unique<Linter>(o);
    for (int twice = 0; twice < 2; ++twice) {
      const std::optional<Diagnostic> d = Find(linter->Lint(Marketing("+447400123456")));
      if (std::string(window) == "08:00-23:00") {
        EXPECT_FALSE(d) << window;
      } else {
        ASSERT_TRUE(d) << window;
        EXPECT_EQ(Arg(*d, "window"), "GB (configured) " + std::string(window));
      }
    }
  }
}

TEST(QuietHoursTest, SeverityIsConfigurable) {
  Options o = Us("2026-12-04T02:30:00Z");
  ConfigError error;
  ASSERT_TRUE(LoadConfigString("[lint.severity]\n\"schedule/quiet-hours\" = \"error\"\n", "t", &o, &error))
      << error.message;
  const std::optional<Diagnostic> d = Find(Linter(o).Lint(Marketing("+12125550123")));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->severity, Severity::kError);
}

TEST(QuietHoursTest, BadWindowsAreConfigurationErrors) {
  for (const char* bad : {"8:00-21:00", "21:00-08:00", "08:00-24:01", "08:00 - 21:00", ""}) {
    Options o = Us("2026-12-03T15:00:00Z");
    o.account.quiet_hours.windows = {{"GB", bad}};
    const Linter linter(o);
    EXPECT_FALSE(linter.ok()) << bad;
    EXPECT_EQ(linter.error_arg(), bad);
  }
  Options o = Us("2026-12-03T15:00:00Z");
  o.account.quiet_hours.windows = {{"gb", "08:00-21:00"}};
  EXPECT_FALSE(Linter(o).ok());
  o.account.quiet_hours.windows.clear();
  o.account.quiet_hours.kinds = {"promo"};
  EXPECT_FALSE(Linter(o).ok());
}

TEST(QuietHoursTest, ConfigKeys) {
  Options o;
  ConfigError error;
  ASSERT_TRUE(LoadConfigString(
      "[account.quiet_hours]\nkinds = [\"marketing\", \"informational\"]\n"
      "[account.quiet_hours.windows]\nGB = \"08:00-21:00\"\nFR = \"10:00-20:00\"\n",
      "t", &o, &error))
      << error.message;
  EXPECT_EQ(o.account.quiet_hours.kinds,
            (std::vector<std::string>{"marketing", "informational"}));
  ASSERT_EQ(o.account.quiet_hours.windows.size(), 2u);
  Options bad;
  EXPECT_FALSE(LoadConfigString("[account.quiet_hours]\nwindows = 3\n", "t", &bad, &error));
  EXPECT_EQ(error.key, "account.quiet_hours.windows") << error.ToString();
  EXPECT_FALSE(LoadConfigString("[account.quiet_hours.windows]\nGB = 8\n", "t", &bad, &error));
  EXPECT_FALSE(LoadConfigString("[account.quiet_hours]\nkind = []\n", "t", &bad, &error));
}

}  // namespace
}  // namespace smslint
