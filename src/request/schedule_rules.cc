// send_at, schedule_type and validity_period (docs/rules.md, schedule/*).
// The window is data (request/request_limits.h); "now" is the caller's
// (Options::now_unix_seconds), so results are reproducible.
#include <string>

#include "base/iso_time.h"
#include "request/request_limits.h"
#include "request/request_rules.h"

namespace smslint::internal {
namespace {

void CheckValidityPeriod(const Message& m, const Emit& emit) {
  if (!m.validity_period) return;
  const int64_t v = *m.validity_period;
  if (v >= kMinValidityPeriod && v <= kMaxValidityPeriod) return;
  emit(rule::kScheduleValidityPeriodOutOfRange, "validity_period", std::nullopt,
       {{"value", std::to_string(v)},
        {"min", std::to_string(kMinValidityPeriod)},
        {"max", std::to_string(kMaxValidityPeriod)}});
}

void CheckSendAtTime(const Message& m, int64_t now, const Emit& emit) {
  const std::string& text = m.send_at;
  const base::IsoTime t = base::ParseIsoTime(text);
  if (!t.unix_seconds) {
    const size_t at = std::min(t.error_at, text.size());
    const Span span = at < text.size() ? FieldSpan(text, at, at + 1)
                                       : FieldSpan(text, 0, text.size());
    emit(rule::kScheduleInvalidSendAt, "send_at", span, {{"reason", t.error}});
    return;
  }
  // Both within +-10^13 or so: the difference cannot overflow.
  const int64_t ahead = *t.unix_seconds - now;
  const ScheduleWindow& w = kScheduleWindow;
  const Span whole = FieldSpan(text, 0, text.size());
  const std::string distance =
      ahead < 0 ? base::FormatDuration(-ahead) + " before" : base::FormatDuration(ahead) + " after";
  if (ahead < w.min_lead_seconds || ahead > w.max_lead_seconds) {
    emit(rule::kScheduleSendAtOutsideWindow, "send_at", whole,
         {{"send_at", base::FormatUtc(*t.unix_seconds)},
          {"distance", distance},
          {"now", base::FormatUtc(now)},
          {"min", base::FormatDuration(w.min_lead_seconds)},
          {"max", base::FormatDuration(w.max_lead_seconds)}});
  } else if (ahead < w.legacy_min_lead_seconds) {
    emit(rule::kScheduleSendAtShortLead, "send_at", whole,
         {{"send_at", base::FormatUtc(*t.unix_seconds)},
          {"distance", distance},
          {"now", base::FormatUtc(now)},
          {"legacy_min", base::FormatDuration(w.legacy_min_lead_seconds)}});
  }
}

}  // namespace

void CheckSchedule(const Message& m, int64_t now, const Emit& emit) {
  CheckValidityPeriod(m, emit);
  if (!m.schedule_type.empty() && m.schedule_type != "fixed") {
    emit(rule::kScheduleInvalidScheduleType, "schedule_type",
         FieldSpan(m.schedule_type, 0, m.schedule_type.size()),
         {{"value", m.schedule_type}});
  }
  if (m.send_at.empty()) {
    if (m.schedule_type == "fixed") {
      emit(rule::kScheduleMissingSendAt, "schedule_type", std::nullopt, {});
    }
    return;
  }
  if (m.schedule_type.empty()) {
    emit(rule::kScheduleMissingScheduleType, "send_at", std::nullopt, {});
  }
  if (m.messaging_service_id.empty()) {
    emit(rule::kScheduleMissingMessagingService, "send_at", std::nullopt, {});
  }
  CheckSendAtTime(m, now, emit);
}

}  // namespace smslint::internal
