#include "base/iso_time.h"

#include <cstdio>

namespace smslint::base {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// days_from_civil).
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t y, int64_t m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  // `n` decimal digits, or nullopt.
  std::optional<int64_t> Digits(size_t n) {
    if (pos_ + n > s_.size()) return std::nullopt;
    int64_t v = 0;
    for (size_t k = 0; k < n; ++k) {
      const char c = s_[pos_ + k];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    pos_ += n;
    return v;
  }
  bool Take(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  bool AtEnd() const { return pos_ == s_.size(); }
  size_t pos() const { return pos_; }
  void Skip() { ++pos_; }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

IsoTime Fail(std::string error, size_t at) {
  IsoTime t;
  t.error = std::move(error);
  t.error_at = at;
  return t;
}

}  // namespace

IsoTime ParseIsoTime(std::string_view text) {
  constexpr const char* kForm = "expected YYYY-MM-DDThh:mm:ss with Z or an offset such as +01:00";
  Reader r(text);
  const size_t date_at = r.pos();
  const auto year = r.Digits(4);
  if (!year || !r.Take('-')) return Fail(kForm, r.pos());
  const auto month = r.Digits(2);
  if (!month || !r.Take('-')) return Fail(kForm, r.pos());
  const auto day = r.Digits(2);
  if (!day) return Fail(kForm, r.pos());
  if (*year == 0 || *month < 1 || *month > 12 || *day < 1 ||
      *day > DaysInMonth(*year, *month)) {
    return Fail("no such date", date_at);
  }
  if (!r.Take('T')) {
    return Fail(r.AtEnd() ? "no time of day (expected T and hh:mm:ss after the date)"
                          : "expected T between the date and the time",
                r.pos());
  }
  const size_t time_at = r.pos();
  const auto hour = r.Digits(2);
  if (!hour || !r.Take(':')) return Fail(kForm, r.pos());
  const auto minute = r.Digits(2);
  if (!minute || !r.Take(':')) return Fail(kForm, r.pos());
  const auto second = r.Digits(2);
  if (!second) return Fail(kForm, r.pos());
  if (*hour > 23 || *minute > 59 || *second > 59) return Fail("no such time of day", time_at);
  if (r.Take('.') || r.Take(',')) {
    size_t digits = 0;
    while (r.Peek() >= '0' && r.Peek() <= '9') {
      r.Skip();
      ++digits;
    }
    if (digits == 0 || digits > 9) return Fail("expected 1 to 9 digits of a fraction of a second", r.pos());
  }
  int64_t offset = 0;
  const size_t zone_at = r.pos();
  if (r.Take('Z')) {
  } else if (r.Peek() == '+' || r.Peek() == '-') {
    const bool minus = r.Peek() == '-';
    r.Skip();
    const auto oh = r.Digits(2);
    if (!oh || !r.Take(':')) return Fail("expected a zone offset as +hh:mm or -hh:mm", zone_at);
    const auto om = r.Digits(2);
    if (!om || *oh > 23 || *om > 59) return Fail("expected a zone offset as +hh:mm or -hh:mm", zone_at);
    offset = (*oh * 3600 + *om * 60) * (minus ? -1 : 1);
  } else {
    return Fail(r.AtEnd() ? "no time zone (expected Z or an offset such as +01:00)"
                          : "expected Z or an offset such as +01:00",
                zone_at);
  }
  if (!r.AtEnd()) return Fail("unexpected text after the time zone", r.pos());
  IsoTime t;
  t.unix_seconds = DaysFromCivil(*year, *month, *day) * 86400 + *hour * 3600 +
                   *minute * 60 + *second - offset;
  return t;
}

std::string FormatUtc(int64_t s) {
  int64_t days = s / 86400;
  int64_t rem = s % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  // civil_from_days (Hinnant).
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp + (mp < 10 ? 3 : -9);
  const int64_t y = yoe + era * 400 + (m <= 2);
  if (y >= 0 && y <= 9999) {
    // By hand: snprintf was most of this function, which quiet hours call
    // for every message of a batch.
    char out[21] = "0000-00-00T00:00:00Z";
    auto two = [&](int at, int64_t v) {
      out[at] = static_cast<char>('0' + v / 10);
      out[at + 1] = static_cast<char>('0' + v % 10);
    };
    two(0, y / 100);
    two(2, y % 100);
    two(5, m);
    two(8, d);
    two(11, rem / 3600);
    two(14, rem / 60 % 60);
    two(17, rem % 60);
    return std::string(out, 20);
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d), static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
  return buf;
}

std::string FormatDuration(int64_t seconds) {
  const bool negative = seconds < 0;
  // Magnitude without overflow on INT64_MIN.
  const uint64_t s = negative ? uint64_t{0} - static_cast<uint64_t>(seconds)
                              : static_cast<uint64_t>(seconds);
  const uint64_t days = s / 86400, hours = s / 3600 % 24, minutes = s / 60 % 60,
                 secs = s % 60;
  // The largest unit and the next one, the next left out when zero.
  const auto unit = [](uint64_t n, const char* name) {
    return std::to_string(n) + name;
  };
  std::string out;
  if (days > 0) {
    out = unit(days, days == 1 ? " day" : " days");
    if (hours) out += " " + unit(hours, " h");
  } else if (hours > 0) {
    out = unit(hours, " h");
    if (minutes) out += " " + unit(minutes, " min");
  } else if (minutes > 0) {
    out = unit(minutes, " min");
    if (secs) out += " " + unit(secs, " s");
  } else {
    out = unit(secs, " s");
  }
  return (negative ? "-" : "") + out;
}

}  // namespace smslint::base
