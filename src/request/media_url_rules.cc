// media_url entries (docs/rules.md, media/url-*): each one as Twilio will
// fetch it, judged from the text alone.
#include <string>

#include "base/ascii.h"
#include "media/media_tables.h"
#include "request/host_class.h"
#include "request/media_extensions.h"
#include "request/request_limits.h"
#include "request/request_rules.h"

namespace smslint::internal {
namespace {

// "user:secret" -> "user:***": the report must not repeat the password.
std::string MaskUserinfo(std::string_view userinfo) {
  const size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos) return std::string(userinfo);
  return std::string(userinfo.substr(0, colon)) + ":***";
}

// The extension of the path's last segment ("png"), lower case, and where
// it is; "" when the segment has none.
std::string_view Extension(std::string_view url, UrlPart path, UrlPart* where) {
  if (path.empty()) return {};
  const std::string_view p = url.substr(path.begin, path.end - path.begin);
  const size_t slash = p.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? p : p.substr(slash + 1);
  const size_t dot = last.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == last.size()) return {};
  const size_t begin = path.begin + (p.size() - last.size()) + dot + 1;
  *where = {begin, path.end};
  return url.substr(begin, path.end - begin);
}

void CheckType(const std::string& field, std::string_view url, const RequestUrl& u,
               const Emit& emit) {
  UrlPart where;
  const std::string ext = base::LowerAscii(Extension(url, u.path, &where));
  if (ext.empty()) return;
  const std::string_view type = TypeForExtension(ext);
  if (type.empty()) return;
  const std::optional<MediaSupport> support = FindMediaSupport(type);
  const std::string implied = " (implied by the URL's ." + ext + " extension)";
  if (!support || *support == MediaSupport::kWhatsAppOnly) {
    emit(rule::kMediaUnsupportedType, field, FieldSpan(url, where),
         {{"content_type", std::string(type)},
          {"hint", implied + (support ? "; image/webp is for WhatsApp stickers only" : "")}});
  } else if (*support == MediaSupport::kAccepted) {
    emit(rule::kMediaNotTranscoded, field, FieldSpan(url, where),
         {{"content_type", std::string(type) + implied},
          {"size", "unknown size"},
          {"carrier_note", "some US carriers allow only 0.6 MB for non-images"}});
  }
}

void CheckOne(const Message& m, size_t i, const ContentEngine& content, const Emit& emit) {
  const std::string& url = m.media_urls[i];
  const std::string field = "media_url[" + std::to_string(i) + "]";
  size_t length = 0;
  const size_t past = ByteAfterCodePoints(url, kMaxRequestUrlCharacters, &length);
  if (past != std::string_view::npos) {
    emit(rule::kMediaUrlTooLong, field, FieldSpan(url, past, url.size()),
         {{"length", std::to_string(length)},
          {"limit", std::to_string(kMaxRequestUrlCharacters)}});
  }
  const RequestUrl u = ParseRequestUrl(url);
  if (!u.ok) {
    const UrlPart part = u.error_part.empty() ? UrlPart{0, url.size()} : u.error_part;
    emit(rule::kMediaUrlInvalid, field, FieldSpan(url, part), {{"reason", u.error}});
    return;
  }
  if (u.scheme == "http") {
    emit(rule::kMediaUrlInsecure, field, FieldSpan(url, u.scheme_part), {});
  }
  if (!u.userinfo.empty()) {
    emit(rule::kMediaUrlCredentials, field, FieldSpan(url, u.userinfo),
         {{"userinfo", MaskUserinfo(std::string_view(url).substr(
                           u.userinfo.begin, u.userinfo.end - u.userinfo.begin))}});
  }
  if (u.host_invalid) {
    emit(rule::kMediaUrlInvalid, field, FieldSpan(url, u.host_part),
         {{"reason", "the host " + u.host + " is not a valid host name"}});
  } else if (const std::string why = UnreachableHostReason(u); !why.empty()) {
    emit(rule::kMediaUrlUnreachableHost, field, FieldSpan(url, u.host_part),
         {{"host", u.host}, {"reason", why}});
  } else if (!u.ipv4 && !u.ipv6) {
    const ContentEngine::HostVerdict v = content.CheckHost(m, u.host);
    if (!v.shortener.empty()) {
      emit(rule::kMediaUrlShortener, field, FieldSpan(url, u.host_part),
           {{"host", u.host}, {"entry", v.shortener}});
    }
    if (!v.deceptive.empty()) {
      emit(rule::kMediaUrlDeceptiveHost, field, FieldSpan(url, u.host_part),
           {{"host", u.host}, {"reason", v.deceptive}});
    }
  }
  CheckType(field, url, u, emit);
}

}  // namespace

void CheckMediaUrls(const Message& m, const ContentEngine& content, const Emit& emit) {
  for (size_t i = 0; i < m.media_urls.size(); ++i) CheckOne(m, i, content, emit);
}

}  // namespace smslint::internal
