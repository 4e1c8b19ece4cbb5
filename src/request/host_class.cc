#include "request/host_class.h"

#include <optional>

#include "content/url_scanner.h"

namespace smslint::internal {
namespace {

struct V4Range {
  uint32_t base;
  int prefix;
  std::string_view reason;
};

constexpr uint32_t Ip(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  return a << 24 | b << 16 | c << 8 | d;
}

// IANA IPv4 Special-Purpose Address Registry (RFC 6890 and updates): the
// blocks that are not globally reachable, plus multicast.
constexpr V4Range kV4Ranges[] = {
    {Ip(0, 0, 0, 0), 8, "an unspecified address (0.0.0.0/8)"},
    {Ip(10, 0, 0, 0), 8, "a private address (10.0.0.0/8, RFC 1918)"},
    {Ip(100, 64, 0, 0), 10, "a carrier-grade NAT address (100.64.0.0/10, RFC 6598)"},
    {Ip(127, 0, 0, 0), 8, "a loopback address (127.0.0.0/8)"},
    {Ip(169, 254, 0, 0), 16, "a link-local address (169.254.0.0/16)"},
    {Ip(172, 16, 0, 0), 12, "a private address (172.16.0.0/12, RFC 1918)"},
    {Ip(192, 0, 0, 0), 24, "an IETF protocol address (192.0.0.0/24)"},
    {Ip(192, 0, 2, 0), 24, "a documentation address (192.0.2.0/24, RFC 5737)"},
    {Ip(192, 168, 0, 0), 16, "a private address (192.168.0.0/16, RFC 1918)"},
    {Ip(198, 18, 0, 0), 15, "a benchmarking address (198.18.0.0/15)"},
    {Ip(198, 51, 100, 0), 24, "a documentation address (198.51.100.0/24, RFC 5737)"},
    {Ip(203, 0, 113, 0), 24, "a documentation address (203.0.113.0/24, RFC 5737)"},
    {Ip(224, 0, 0, 0), 4, "a multicast address (224.0.0.0/4)"},
    {Ip(240, 0, 0, 0), 4, "a reserved address (240.0.0.0/4)"},
};

// Name suffixes that never resolve on the public internet, with why. A
// host matches on a label boundary ("x.local" and "local").
struct NameSuffix {
  std::string_view suffix;
  std::string_view reason;
};
constexpr NameSuffix kNameSuffixes[] = {
    {"localhost", "a loopback name (localhost, RFC 6761)"},
    {"local", "a multicast DNS name (.local, RFC 6762)"},
    {"internal", "a private-use name (.internal, reserved by ICANN for private networks)"},
    {"home.arpa", "a home-network name (.home.arpa, RFC 8375)"},
    {"lan", "a private network name (.lan is not a public top-level domain)"},
    {"intranet", "a private network name (.intranet is not a public top-level domain)"},
    {"corp", "a private network name (.corp is not a public top-level domain)"},
    {"home", "a private network name (.home is not a public top-level domain)"},
    {"private", "a private network name (.private is not a public top-level domain)"},
    {"localdomain", "a private network name (.localdomain is not a public top-level domain)"},
    {"test", "a name reserved for testing (.test, RFC 2606)"},
    {"invalid", "a name reserved as invalid (.invalid, RFC 2606)"},
    {"example", "a name reserved for documentation (.example, RFC 2606)"},
    {"example.com", "a name reserved for documentation (RFC 2606)"},
    {"example.net", "a name reserved for documentation (RFC 2606)"},
    {"example.org", "a name reserved for documentation (RFC 2606)"},
    {"onion", "a Tor onion name (.onion, RFC 7686)"},
    {"in-addr.arpa", "a reverse-DNS name (.in-addr.arpa)"},
    {"ip6.arpa", "a reverse-DNS name (.ip6.arpa)"},
};

bool EndsWithLabel(std::string_view host, std::string_view suffix) {
  if (host == suffix) return true;
  return host.size() > suffix.size() && host.ends_with(suffix) &&
         host[host.size() - suffix.size() - 1] == '.';
}

std::optional<uint32_t> DottedIpv4(std::string_view s) {
  uint32_t address = 0;
  int parts = 0;
  size_t pos = 0;
  while (parts < 4) {
    uint32_t v = 0;
    size_t digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && digits < 3) {
      v = v * 10 + static_cast<uint32_t>(s[pos++] - '0');
      ++digits;
    }
    if (digits == 0 || v > 255) return std::nullopt;
    address = address << 8 | v;
    ++parts;
    if (parts < 4 && (pos >= s.size() || s[pos++] != '.')) return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  return address;
}

std::string Embedded(std::string_view form, uint32_t v4) {
  const std::string_view inner = Ipv4Reason(v4);
  if (inner.empty()) return {};
  return std::string(form) + " of " + std::string(inner);
}

}  // namespace

std::string_view Ipv4Reason(uint32_t address) {
  if (address == 0xFFFFFFFFu) return "the broadcast address (255.255.255.255)";
  for (const V4Range& r : kV4Ranges) {
    const uint32_t mask = r.prefix == 0 ? 0 : ~uint32_t{0} << (32 - r.prefix);
    if ((address & mask) == r.base) return r.reason;
  }
  return {};
}

std::string Ipv6Reason(const unsigned char b[16]) {
  const auto zeros = [&](int from, int to) {
    for (int k = from; k < to; ++k) {
      if (b[k] != 0) return false;
    }
    return true;
  };
  const uint32_t last4 = uint32_t{b[12]} << 24 | uint32_t{b[13]} << 16 |
                         uint32_t{b[14]} << 8 | b[15];
  if (zeros(0, 16)) return "the unspecified address (::)";
  if (zeros(0, 15) && b[15] == 1) return "the loopback address (::1)";
  if (zeros(0, 10) && b[10] == 0xFF && b[11] == 0xFF) {
    return Embedded("an IPv4-mapped form (::ffff:0:0/96)", last4);
  }
  if (zeros(0, 12)) return Embedded("an IPv4-compatible form (::/96)", last4);
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && zeros(4, 12)) {
    return Embedded("a NAT64 form (64:ff9b::/96)", last4);
  }
  if ((b[0] & 0xFE) == 0xFC) return "a unique-local address (fc00::/7, RFC 4193)";
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return "a link-local address (fe80::/10)";
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return "a site-local address (fec0::/10, deprecated)";
  if (b[0] == 0xFF) return "a multicast address (ff00::/8)";
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) {
    return "a documentation address (2001:db8::/32, RFC 3849)";
  }
  if (b[0] == 0x01 && zeros(1, 8)) return "a discard-only address (100::/64)";
  return {};
}

std::string UnreachableHostReason(const RequestUrl& url) {
  if (url.ipv6) return Ipv6Reason(url.ipv6_bytes);
  if (url.host_invalid) return {};  // reported as an invalid host, not here
  if (url.ipv4) {
    const std::optional<uint32_t> v4 = DottedIpv4(url.host);
    return v4 ? std::string(Ipv4Reason(*v4)) : std::string();
  }
  const std::string_view host = url.host;
  for (const NameSuffix& s : kNameSuffixes) {
    if (EndsWithLabel(host, s.suffix)) return std::string(s.reason);
  }
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos) {
    return "a single-label name, which public DNS does not resolve";
  }
  const std::string_view tld = host.substr(dot + 1);
  if (!IsKnownTld(tld)) {
    return "a name under ." + std::string(tld) + ", which is not in the IANA root zone";
  }
  return {};
}

}  // namespace smslint::internal
