#include "account/quiet_hours.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "base/iso_time.h"

namespace smslint::internal {
namespace {

struct TimeZonePrefix {
  std::string_view prefix, zones, state;
};
struct QuietWindowRow {
  std::string_view jurisdiction;
  uint8_t days;
  int start, end;
};

#include "gen/quiet_hours.inc"
#include "gen/timezones.inc"

constexpr int64_t kDay = 86400;
constexpr const char* kDayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
// How far ahead the next allowed time is looked for: a week covers every
// weekly pattern, plus a day for zone offsets.
constexpr int kLookAheadDays = 8;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::string Hhmm(int minutes) {
  char buf[24];  // room for any int, so the compiler sees no truncation
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

std::string DaysText(uint8_t days) {
  if (days == 0x7f) return "";
  int first = 0;
  while (!(days & (1 << first))) ++first;
  int last = first;
  while (last + 1 < 7 && (days & (1 << (last + 1)))) ++last;
  std::string s = kDayNames[first];
  if (last > first) s += std::string("-") + kDayNames[last];
  return s + " ";
}

std::string Label(std::string_view name, const std::vector<QuietHours::Window>& ws) {
  std::string s(name);
  for (size_t i = 0; i < ws.size(); ++i) {
    s += (i == 0 ? " " : ", ") + DaysText(ws[i].days) + Hhmm(ws[i].start) + "-" + Hhmm(ws[i].end);
  }
  return s;
}

// The rows of one jurisdiction of data/account/quiet_hours.tsv.
std::vector<QuietHours::Window> TableWindows(std::string_view jurisdiction) {
  std::vector<QuietHours::Window> out;
  for (const QuietWindowRow& r : kQuietWindows) {
    if (r.jurisdiction == jurisdiction) out.push_back({r.days, r.start, r.end});
  }
  return out;
}

// Where the federal window applies: the US and its territories on +1.
bool UnderTcpa(std::string_view region) {
  return region == "US" || region == "PR" || region == "VI" || region == "GU" ||
         region == "AS" || region == "MP";
}

// ICU's zone `id`, created once per thread: creating one (a resource
// bundle look-up and parse) cost more than the rest of a batch row
// (issue 15). Per thread, so no lock; at most the few hundred zone ids of
// the generated table.
const icu::TimeZone* ZoneFor(std::string_view id) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::TimeZone>> cache;
  auto it = cache.find(std::string(id));
  if (it == cache.end()) {
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(
        icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size())))));
    it = cache.emplace(std::string(id), std::move(tz)).first;
  }
  return it->second.get();
}

// One zone of the recipient's; ICU does the offset arithmetic (DST
// included).
class Zone {
 public:
  explicit Zone(std::string_view id) : id_(id), tz_(ZoneFor(id)) {}
  bool ok() const {
    icu::UnicodeString got;
    return tz_ != nullptr && tz_->getID(got) != icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID);
  }
  const std::string& id() const { return id_; }
  // Seconds east of UTC at `utc`.
  int64_t Offset(int64_t utc) const {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    tz_->getOffset(static_cast<UDate>(utc) * 1000.0, false, raw, dst, status);
    return U_FAILURE(status) ? 0 : (static_cast<int64_t>(raw) + dst) / 1000;
  }
  int64_t Local(int64_t utc) const { return utc + Offset(utc); }
  // The UTC instant of local time `local` (the later reading in a DST
  // overlap, the time after the gap in a DST gap: good enough for a
  // window start, which no zone puts in a transition).
  int64_t Utc(int64_t local, int64_t near_utc) const {
    int64_t utc = local - Offset(near_utc);
    utc = local - Offset(utc);
    return local - Offset(utc);
  }

 private:
  std::string id_;
  const icu::TimeZone* tz_;  // owned by ZoneFor's cache
};

bool Allows(const QuietHours::Group& g, int64_t local) {
  const int64_t day = FloorDiv(local, kDay);
  const int weekday = static_cast<int>(((day + 3) % 7 + 7) % 7);  // 1970-01-01: Thursday
  const int minute = static_cast<int>((local - day * kDay) / 60);
  for (const QuietHours::Window& w : g.windows) {
    if ((w.days & (1 << weekday)) && minute >= w.start && minute < w.end) return true;
  }
  return false;
}

// The group that forbids `utc` in `zone`, or nullptr.
const QuietHours::Group* Forbidding(const std::vector<const QuietHours::Group*>& groups,
                                    const Zone& zone, int64_t utc) {
  const int64_t local = zone.Local(utc);
  for (const QuietHours::Group* g : groups) {
    if (!Allows(*g, local)) return g;
  }
  return nullptr;
}

std::string FormatLocal(int64_t local, bool weekday) {
  const std::string iso = base::FormatUtc(local);  // "YYYY-MM-DDThh:mm:ssZ"
  std::string s = iso.substr(0, 10) + " " + iso.substr(11, 5);
  if (weekday) {
    const int64_t day = FloorDiv(local, kDay);
    s += std::string(" (") + kDayNames[((day + 3) % 7 + 7) % 7] + ")";
  }
  return s;
}

}  // namespace

NumberZones ZonesForNumber(std::string_view e164) {
  if (e164.size() < 2 || e164[0] != '+') return {};
  const std::string_view digits = e164.substr(1);
  // Longest prefix first; the table is sorted, prefixes at most 4 digits.
  for (size_t n = std::min<size_t>(4, digits.size()); n >= 1; --n) {
    const std::string_view key = digits.substr(0, n);
    const auto* end = std::end(kTimeZonePrefixes);
    const auto* it = std::lower_bound(std::begin(kTimeZonePrefixes), end, key,
                                      [](const TimeZonePrefix& p, std::string_view k) {
                                        return p.prefix < k;
                                      });
    if (it != end && it->prefix == key) return {it->zones, it->state};
  }
  return {};
}

bool ParseQuietWindow(std::string_view t, int* start, int* end) {
  auto hhmm = [](std::string_view s, int* out) {
    if (s.size() != 5 || s[2] != ':') return false;
    for (size_t i : {0, 1, 3, 4}) {
      if (s[i] < '0' || s[i] > '9') return false;
    }
    const int h = (s[0] - '0') * 10 + (s[1] - '0');
    const int m = (s[3] - '0') * 10 + (s[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return false;
    *out = h * 60 + m;
    return true;
  };
  return t.size() == 11 && t[5] == '-' && hhmm(t.substr(0, 5), start) &&
         hhmm(t.substr(6), end) && *start < *end;
}

QuietHours::QuietHours(const QuietHoursOptions& options) {
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1, std::memory_order_relaxed);
  for (const std::string& k : options.kinds) {
    if (!ParseMessageKind(k) || k.empty()) {
      error_ = "unknown message kind in account.quiet_hours.kinds";
      error_arg_ = k;
      return;
    }
    kinds_.push_back(k);
  }
  for (const QuietWindow& w : options.windows) {
    const bool region_ok = w.region.size() == 2 && w.region[0] >= 'A' && w.region[0] <= 'Z' &&
                           w.region[1] >= 'A' && w.region[1] <= 'Z';
    if (!region_ok) {
      error_ = "account.quiet_hours.windows: a region is an upper-case ISO 3166 code";
      error_arg_ = w.region;
      return;
    }
    Window parsed{0x7f, 0, 0};
    if (!ParseQuietWindow(w.window, &parsed.start, &parsed.end)) {
      error_ = "account.quiet_hours.windows." + w.region +
               ": a window is \"HH:MM-HH:MM\", start before end (end 24:00 at most)";
      error_arg_ = w.window;
      return;
    }
    auto it = std::find_if(configured_.begin(), configured_.end(),
                           [&](const auto& c) { return c.first == w.region; });
    if (it == configured_.end()) {
      configured_.push_back({w.region, {}});
      it = configured_.end() - 1;
    }
    it->second.windows.push_back(parsed);
  }
  for (auto& [region, group] : configured_) {
    group.label = Label(region + " (configured)", group.windows);
  }
}

void QuietHours::Check(const Message& m, const NumberInfo* to, int64_t now,
                       const Emit& emit) const {
  if (to == nullptr || to->e164.empty()) return;
  const std::string_view kind = MessageKindName(m.kind);
  if (kind.empty() || std::find(kinds_.begin(), kinds_.end(), kind) == kinds_.end()) return;
  const NumberZones nz = ZonesForNumber(to->e164);
  if (nz.zones.empty()) return;
  std::optional<int64_t> send_at;
  if (!m.send_at.empty()) send_at = base::ParseIsoTime(m.send_at).unix_seconds;
  const int64_t at = send_at ? *send_at : now;

  // The verdict depends only on (this object, zones, state, region, at),
  // and a list's rows share few of those at one instant: each thread keeps
  // the verdicts of the current instant (at night every marketing row is
  // quiet, and finding the next window costs tens of ICU offset look-ups).
  // The zone and state views point into the generated table (static).
  struct Key {
    uint64_t id;
    std::string_view zones, state;
    std::string region;
    int64_t at;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      const std::hash<std::string_view> h;
      return h(k.zones) ^ (h(k.state) << 1) ^ (std::hash<int64_t>()(k.at) << 2) ^ (k.id << 7) ^
             h(k.region);
    }
  };
  thread_local std::unordered_map<Key, Verdict, KeyHash> memo;
  if (memo.size() > 4096) memo.clear();  // bounded; instants rarely repeat
  Key key{id_, nz.zones, nz.state, to->region, at};
  auto it = memo.find(key);
  if (it == memo.end()) it = memo.emplace(std::move(key), Decide(nz, to->region, at)).first;
  const Verdict& v = it->second;
  if (!v.quiet) return;
  emit(rule::kScheduleQuietHours, send_at ? "send_at" : "to", std::nullopt,
       {{"kind", std::string(kind)},
        {"local_time", FormatLocal(v.local, true)},
        {"zone", v.zone},
        {"at", send_at ? "at send_at" : "now"},
        {"window", v.window},
        {"next_local", v.next ? FormatLocal(v.next_local, true) + " " + v.zone
                              : "none within a week"},
        {"next_utc", v.next ? base::FormatUtc(*v.next) : "-"}});
}

QuietHours::Verdict QuietHours::Decide(const NumberZones& nz, std::string_view region,
                                       int64_t at) const {
  Verdict v;
  // The jurisdictions: federal and state for US numbers, then configured.
  std::vector<Group> table;
  if (UnderTcpa(region)) {
    table.push_back({"", TableWindows("US")});
    table.back().label = Label("US federal", table.back().windows);
    if (!nz.state.empty() && region == "US") {
      const std::string j = "US-" + std::string(nz.state);
      std::vector<Window> ws = TableWindows(j);
      if (!ws.empty()) table.push_back({Label(j, ws), std::move(ws)});
    }
  }
  std::vector<const Group*> groups;
  for (const Group& g : table) groups.push_back(&g);
  for (const auto& [r, group] : configured_) {
    if (r == region) groups.push_back(&group);
  }
  if (groups.empty()) return v;

  std::vector<Zone> zones;
  for (std::string_view rest = nz.zones; !rest.empty();) {
    const size_t amp = rest.find('&');
    Zone z(rest.substr(0, amp));
    if (z.ok()) zones.push_back(std::move(z));
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
  }
  const Zone* quiet = nullptr;
  const Group* why = nullptr;
  for (const Zone& z : zones) {
    if ((why = Forbidding(groups, z, at)) != nullptr) {
      quiet = &z;
      break;
    }
  }
  if (quiet == nullptr) return v;

  // The next allowed instant starts some window in some zone: try each
  // window start, in time order, until one is allowed in every zone.
  std::vector<int64_t> candidates;
  for (const Zone& z : zones) {
    const int64_t today = FloorDiv(z.Local(at), kDay);
    for (int d = 0; d <= kLookAheadDays; ++d) {
      const int weekday = static_cast<int>(((today + d + 3) % 7 + 7) % 7);
      for (const Group* g : groups) {
        for (const Window& w : g->windows) {
          // A window that is closed that weekday starts nothing (Allows).
          if ((w.days & (1 << weekday)) == 0) continue;
          const int64_t utc = z.Utc((today + d) * kDay + int64_t{w.start} * 60, at);
          if (utc > at) candidates.push_back(utc);
        }
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  for (const int64_t c : candidates) {
    bool ok = true;
    for (const Zone& z : zones) ok = ok && Forbidding(groups, z, c) == nullptr;
    if (ok) {
      v.next = c;
      break;
    }
  }
  v.quiet = true;
  v.zone = quiet->id();
  v.window = why->label;
  v.local = quiet->Local(at);
  if (v.next) v.next_local = quiet->Local(*v.next);
  return v;
}

}  // namespace smslint::internal
