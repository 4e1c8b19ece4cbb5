// Hosts that Twilio's servers cannot reach: what a URL in a request must
// not name (docs/rules.md, media/url-unreachable-host and
// callback/unreachable-host). Offline and by the address or the name alone:
// nothing is resolved.
//
//   UnreachableHostReason(ParseRequestUrl("https://0x7f.1/a.png"))
//       == "a loopback address (127.0.0.0/8)"
//   UnreachableHostReason(ParseRequestUrl("https://cdn.example.com/a.png"))
//       == "a name reserved for documentation (RFC 2606)"
#ifndef SMSLINT_SRC_REQUEST_HOST_CLASS_H_
#define SMSLINT_SRC_REQUEST_HOST_CLASS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "request/request_url.h"

namespace smslint::internal {

// Why the host of `url` (ok) is not reachable from the public internet, or
// "" when nothing says so. Addresses: unspecified, loopback, private
// (RFC 1918), carrier-grade NAT (RFC 6598), link-local, unique-local
// (RFC 4193), documentation, benchmarking, multicast and reserved ranges;
// IPv4-mapped, IPv4-compatible and NAT64 IPv6 forms by their IPv4 address.
// Names: localhost and *.localhost, single-label names, the special-use
// and private-use suffixes (.local, .internal, .lan, .home.arpa, ...) and
// any top-level domain not in the IANA root zone (data/tlds.txt).
std::string UnreachableHostReason(const RequestUrl& url);

// The same for an IPv4 address (host byte order) and an IPv6 address.
std::string_view Ipv4Reason(uint32_t address);
std::string Ipv6Reason(const unsigned char bytes[16]);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_REQUEST_HOST_CLASS_H_
