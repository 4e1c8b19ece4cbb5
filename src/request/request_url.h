// URLs of a Twilio request (MediaUrl, StatusCallback): parsed as RFC 3986
// absolute URIs with uriparser (Debian's liburiparser-dev), the host
// normalised as the content rules normalise body links
// (content/host_normalize.h: WHATWG IPv4 forms such as 0x7f.1 and 2130706433,
// IDNA), then classified (host_class.h). Never resolves or fetches anything.
//
//   RequestUrl u = ParseRequestUrl("http://user:pw@10.0.0.7:8080/a.png");
//   assert(u.ok && u.scheme == "http" && u.host == "10.0.0.7");
//   assert(u.userinfo.begin == 7 && u.userinfo.end == 14);  // "user:pw"
#ifndef SMSLINT_SRC_REQUEST_REQUEST_URL_H_
#define SMSLINT_SRC_REQUEST_REQUEST_URL_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace smslint::internal {

// A byte range [begin, end) of the URL text; empty when absent.
struct UrlPart {
  size_t begin = 0, end = 0;
  bool empty() const { return begin == end; }
};

struct RequestUrl {
  // The text is an absolute http(s) URL with a host. When false, `error`
  // says why and `error_part` is where.
  bool ok = false;
  std::string error;
  UrlPart error_part;

  std::string scheme;  // lower-cased; set whenever the text has one
  UrlPart scheme_part;
  UrlPart userinfo;    // "user:pass" without the "@"
  UrlPart host_part;   // the host as written ("[::1]" without brackets)
  UrlPart path;        // from the "/" after the authority to before "?" or "#"
  // The host as NormaliseHost gives it: lower case, IDNA ASCII, IPv4 in
  // dotted decimal whatever its spelling; IPv6 as "[...]".
  std::string host;
  bool ipv4 = false;
  bool ipv6 = false;
  unsigned char ipv6_bytes[16] = {};
  bool host_invalid = false;  // NormaliseHost refused it (IDNA error, bad IPv4)
};

// Parses `text` strictly: RFC 3986 syntax (no spaces or raw non-ASCII;
// percent-encode them), an "http" or "https" scheme, an authority with a
// host. Safe on any bytes.
RequestUrl ParseRequestUrl(std::string_view text);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_REQUEST_REQUEST_URL_H_
