// status_callback (docs/rules.md, callback/*): the URL Twilio posts the
// message's status to, judged from the text alone.
#include <string>

#include "request/host_class.h"
#include "request/request_limits.h"
#include "request/request_rules.h"

namespace smslint::internal {

void CheckStatusCallback(const Message& m, const Emit& emit) {
  const std::string& url = m.status_callback;
  if (url.empty()) return;
  constexpr std::string_view kField = "status_callback";
  size_t length = 0;
  const size_t past = ByteAfterCodePoints(url, kMaxRequestUrlCharacters, &length);
  if (past != std::string_view::npos) {
    emit(rule::kCallbackTooLong, kField, FieldSpan(url, past, url.size()),
         {{"length", std::to_string(length)},
          {"limit", std::to_string(kMaxRequestUrlCharacters)}});
  }
  const RequestUrl u = ParseRequestUrl(url);
  if (!u.ok) {
    const UrlPart part = u.error_part.empty() ? UrlPart{0, url.size()} : u.error_part;
    emit(rule::kCallbackInvalidUrl, kField, FieldSpan(url, part), {{"reason", u.error}});
    return;
  }
  if (u.scheme == "http") {
    emit(rule::kCallbackInsecureUrl, kField, FieldSpan(url, u.scheme_part), {});
  }
  // Credentials are allowed here: Twilio documents user:password@ in
  // webhook URLs for HTTP authentication of its requests.
  const std::string_view host_text =
      std::string_view(url).substr(u.host_part.begin, u.host_part.end - u.host_part.begin);
  if (!u.ipv6 && host_text.find('_') != std::string_view::npos) {
    emit(rule::kCallbackUnderscoreInHost, kField, FieldSpan(url, u.host_part),
         {{"host", std::string(host_text)}});
  } else if (u.host_invalid) {
    emit(rule::kCallbackInvalidUrl, kField, FieldSpan(url, u.host_part),
         {{"reason", "the host " + u.host + " is not a valid host name"}});
  } else if (const std::string why = UnreachableHostReason(u); !why.empty()) {
    emit(rule::kCallbackUnreachableHost, kField, FieldSpan(url, u.host_part),
         {{"host", u.host}, {"reason", why}});
  }
}

}  // namespace smslint::internal
