#include "request/request_url.h"

#include <uriparser/Uri.h>

#include <cstring>

#include "base/ascii.h"
#include "content/host_normalize.h"

namespace smslint::internal {
namespace {

UrlPart Part(const UriTextRangeA& r, const char* base) {
  if (r.first == nullptr || r.afterLast == nullptr) return {};
  return {static_cast<size_t>(r.first - base), static_cast<size_t>(r.afterLast - base)};
}

// Frees uriparser's members however the parse ends.
struct UriHolder {
  UriUriA uri{};
  ~UriHolder() { uriFreeUriMembersA(&uri); }
};

}  // namespace

RequestUrl ParseRequestUrl(std::string_view text) {
  RequestUrl out;
  const auto fail = [&](std::string error, UrlPart part) {
    out.ok = false;
    out.error = std::move(error);
    out.error_part = part;
    return out;
  };
  if (text.empty()) return fail("the URL is empty", {});
  // uriparser reads [first, afterLast): no terminator needed, NULs are
  // just invalid characters.
  UriHolder h;
  const char* base = text.data();
  const char* error_pos = nullptr;
  const int rc = uriParseSingleUriExA(&h.uri, base, base + text.size(), &error_pos);
  if (rc != URI_SUCCESS) {
    const size_t at = error_pos != nullptr && error_pos >= base && error_pos <= base + text.size()
                          ? static_cast<size_t>(error_pos - base)
                          : 0;
    if (at < text.size()) {
      const auto c = static_cast<unsigned char>(text[at]);
      char what[64];
      if (c == ' ') {
        std::snprintf(what, sizeof what, "a space");
      } else if (c < 0x20 || c == 0x7F) {
        std::snprintf(what, sizeof what, "control character 0x%02X", c);
      } else if (c >= 0x80) {
        std::snprintf(what, sizeof what, "a non-ASCII character");
      } else {
        std::snprintf(what, sizeof what, "'%c'", c);
      }
      return fail("not a valid URL: " + std::string(what) + " at byte " + std::to_string(at) +
                      " must be percent-encoded or is out of place",
                  {at, at + 1});
    }
    return fail("not a valid URL: it ends too early", {at, at});
  }
  out.scheme_part = Part(h.uri.scheme, base);
  out.scheme = base::LowerAscii(text.substr(out.scheme_part.begin,
                                            out.scheme_part.end - out.scheme_part.begin));
  if (out.scheme_part.empty()) {
    return fail("not an absolute URL: it has no scheme (http:// or https://)",
                {0, text.size()});
  }
  if (out.scheme != "http" && out.scheme != "https") {
    return fail("the scheme is " + out.scheme + ", not http or https", out.scheme_part);
  }
  out.userinfo = Part(h.uri.userInfo, base);
  out.host_part = Part(h.uri.hostText, base);
  // Absent host ("http:/x") and empty host ("http:///x") alike.
  if (h.uri.hostText.first == nullptr || out.host_part.empty()) {
    return fail("the URL has no host (expected " + out.scheme + "://host/...)",
                {out.scheme_part.begin, text.size()});
  }
  // The path, from the text: uriparser points an empty segment ("a.com/")
  // at a static "" outside the input. Past the host come only the port
  // (digits), "]" and the path, so the first "/" before "?" or "#" starts it.
  const size_t slash = text.find('/', out.host_part.end);
  const size_t query = text.find_first_of("?#", out.host_part.end);
  if (slash != std::string_view::npos && (query == std::string_view::npos || slash < query)) {
    out.path = {slash, query == std::string_view::npos ? text.size() : query};
  }
  const std::string_view host_text =
      text.substr(out.host_part.begin, out.host_part.end - out.host_part.begin);
  if (h.uri.hostData.ip6 != nullptr) {
    out.ipv6 = true;
    std::memcpy(out.ipv6_bytes, h.uri.hostData.ip6->data, 16);
    std::optional<std::string> v6 = ParseIpv6(host_text);
    out.host = v6 ? *v6 : "[" + base::LowerAscii(host_text) + "]";
  } else if (h.uri.hostData.ipFuture.first != nullptr) {
    return fail("the host is an IPvFuture literal, which nothing fetches", out.host_part);
  } else {
    bool ipv4 = false, invalid = false;
    out.host = NormaliseHost(host_text, &ipv4, &invalid);
    out.ipv4 = ipv4;
    out.host_invalid = invalid;
  }
  out.ok = true;
  return out;
}

}  // namespace smslint::internal
