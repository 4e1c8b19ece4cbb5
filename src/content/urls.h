// File: urls.h
//
// URL and e-mail extraction for the content-risk rules
// (content_rules.md §1.2), and label-boundary host matching for the
// public-shortener list. docs/urls.md states the rules in prose.
//
//   UrlScan s = FindUrls("Deals: HTTPS://TinyURL.com/y7abc. Reply STOP");
//   assert(s.urls.size() == 1);
//   assert(s.urls[0].host == "tinyurl.com");    // lower-cased, IDNA ASCII
//   assert(s.urls[0].end == 32);                // the final "." is trimmed
//   assert(PublicShorteners().Match("www.tinyurl.com") == "tinyurl.com");
//   assert(PublicShorteners().Match("mybit.ly").empty());
#ifndef SMSLINT_SRC_CONTENT_URLS_H_
#define SMSLINT_SRC_CONTENT_URLS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
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

// NormaliseHost()
//
// A host as written (possibly percent-encoded, Unicode, upper-case, with a
// trailing dot) in the form UrlMatch::host uses. Sets *ipv4 when it is an
// IPv4 literal (in any form a browser accepts, "0x7f.1" too) and
// *idna_error when it is not a valid host.
std::string NormaliseHost(std::string_view host, bool* ipv4, bool* idna_error);

// HostSet
//
// Hosts matched on a label boundary: a host H matches entry E when H == E
// or H ends with "." + E, so "www.bit.ly" matches "bit.ly" and "mybit.ly"
// does not. Immutable after the last Add(), then safe to share across
// threads.
class HostSet {
 public:
  HostSet() = default;

  // Adds `host`, normalised as NormaliseHost() does (an empty host is
  // ignored).
  void Add(std::string_view host);

  // The entry `host` (already normalised) matches, or "" when none does;
  // the most specific entry when several do. One hash lookup per label.
  std::string_view Match(std::string_view host) const;

  size_t size() const { return hosts_.size(); }

 private:
  // Heterogeneous lookup: Match() looks up string_view suffixes of the
  // host without copying them.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> hosts_;
};

// PublicShorteners()
//
// The shared public URL shorteners of data/url_shorteners.txt. Built on
// first use (thread-safe), never destroyed.
const HostSet& PublicShorteners();

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_URLS_H_
