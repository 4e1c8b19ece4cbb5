// The rules on the rest of a Twilio request (issue 13): media_url entries
// (media/url-*), status_callback (callback/*), send_at, schedule_type and
// validity_period (schedule/*). Offline: no URL is resolved or fetched.
#ifndef SMSLINT_SRC_REQUEST_REQUEST_RULES_H_
#define SMSLINT_SRC_REQUEST_REQUEST_RULES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/content_engine.h"
#include "request/request_url.h"
#include "rules/emit.h"
#include "smslint/message.h"

namespace smslint::internal {

// Each media_url entry: syntax, scheme, length, credentials, host, type by
// extension, shortener and deceptive host (media_url_rules.cc).
void CheckMediaUrls(const Message& message, const ContentEngine& content,
                    const Emit& emit);

// status_callback (callback_rules.cc).
void CheckStatusCallback(const Message& message, const Emit& emit);

// send_at, schedule_type, validity_period against `now_unix_seconds`
// (schedule_rules.cc).
void CheckSchedule(const Message& message, int64_t now_unix_seconds,
                   const Emit& emit);

// What media_url and status_callback share (url_checks.cc).
// Code points of `text` past `limit`: the byte where they start, or npos.
size_t ByteAfterCodePoints(std::string_view text, size_t limit, size_t* count);
// The span of [begin, end) within a field's value.
Span FieldSpan(std::string_view value, size_t begin, size_t end);
inline Span FieldSpan(std::string_view value, UrlPart part) {
  return FieldSpan(value, part.begin, part.end);
}

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_REQUEST_REQUEST_RULES_H_
