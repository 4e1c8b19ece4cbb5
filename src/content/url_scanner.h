// URL and e-mail extraction for the content-risk rules (docs/urls.md).
//
//   UrlScan s = FindUrls("Deals: HTTPS://TinyURL.com/y7abc. Reply STOP");
//   assert(s.urls.size() == 1);
//   assert(s.urls[0].host == "tinyurl.com");    // lower-cased, IDNA ASCII
//   assert(s.urls[0].end == 32);                // the final "." is trimmed
#ifndef SMSLINT_SRC_CONTENT_URL_SCANNER_H_
#define SMSLINT_SRC_CONTENT_URL_SCANNER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smslint::internal {

// UrlMatch
//
// One URL found in a body. Offsets are UTF-8 byte offsets into the body.
struct UrlMatch {
  size_t begin = 0, end = 0;            // trimmed URL
  size_t host_begin = 0, host_end = 0;  // the host as written (no userinfo, no port)
  std::string scheme;  // lower-cased "http", "https", "ftp"; "" when scheme-less
  std::string host;    // normalised: lower-case, IDNA ASCII, no port, no trailing dot
  bool has_userinfo = false;  // "user@" before the host (https://brand.com@evil.io)
  bool ipv4 = false;          // host is an IPv4 literal (host is dotted decimal)
  bool ipv6 = false;          // host is a bracketed IPv6 literal ("[2001:db8::1]")
  bool idna_error = false;    // host is not a valid host; `host` keeps the
                              // ASCII-lower-cased text
};

// TextRange
//
// A byte range [begin, end) of a body.
struct TextRange {
  size_t begin = 0, end = 0;
};

// UrlScan
//
// Everything FindUrls found, each list in body order; no two ranges overlap.
struct UrlScan {
  std::vector<UrlMatch> urls;
  std::vector<TextRange> emails;  // local@domain.tld; an e-mail is not a URL
};

// FindUrls()
//
// URLs (with scheme, scheme-less with a known TLD, bare IPv4) and e-mail
// addresses in `body`, leftmost first; a match never starts inside an
// earlier one. Safe on any bytes, including invalid UTF-8.
UrlScan FindUrls(std::string_view body);

// IsKnownTld()
//
// True when `tld` (lower-case ASCII; punycode for IDN TLDs) is in
// data/tlds.txt: the IANA root zone plus the RFC 2606 reserved names.
bool IsKnownTld(std::string_view tld);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_URL_SCANNER_H_
