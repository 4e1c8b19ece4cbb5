// Host normalisation (docs/urls.md, "The host"): what a browser makes of
// a host as written: percent-decoded, ASCII lower case, IDNA (UTS #46, as
// WHATWG's "domain to ASCII"), no trailing dots, IPv4 in any form a browser
// accepts, IPv6 literals serialised.
#include "content/host_normalize.h"

#include <arpa/inet.h>
#include <unicode/bytestream.h>
#include <unicode/idna.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "base/ascii.h"
#include "base/utf8.h"

namespace smslint::internal {
namespace {

using base::IsAscii;
using base::IsAsciiDigit;

const icu::IDNA* Uts46() {
  // WHATWG URL "domain to ASCII": nontransitional, CheckBidi, CheckJoiners,
  // no STD3 rules. Never destroyed; the IDNA object is thread-safe.
  static const icu::IDNA* const idna = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::IDNA* p = icu::IDNA::createUTS46Instance(
        UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII |
            UIDNA_NONTRANSITIONAL_TO_UNICODE,
        status);
    return U_SUCCESS(status) ? p : nullptr;
  }();
  return idna;
}

// WHATWG sets CheckHyphens and VerifyDnsLength to false: these are not
// errors for a browser.
constexpr uint32_t kIgnoredIdnaErrors =
    UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
    UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | UIDNA_ERROR_LEADING_HYPHEN |
    UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4;

bool HasPunycodeLabel(std::string_view lower) {
  for (size_t pos = 0; pos < lower.size();) {
    if (lower.substr(pos, 4) == "xn--") return true;
    const size_t dot = lower.find('.', pos);
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return false;
}

// WHATWG URL "IPv4 number parser": decimal, 0x hex, 0 octal.
std::optional<uint64_t> ParseIpv4Number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  unsigned radix = 10;
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s.remove_prefix(2);
    radix = 16;
  } else if (s.size() >= 2 && s[0] == '0') {
    s.remove_prefix(1);
    radix = 8;
  }
  uint64_t value = 0;
  for (const char c : s) {
    unsigned d;
    if (c >= '0' && c <= '9') {
      d = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      d = static_cast<unsigned>(c - 'a' + 10);
    } else {
      return std::nullopt;  // host is lower-cased
    }
    if (d >= radix) return std::nullopt;
    // Saturate: anything above 2^32 fails the range checks anyway.
    value = std::min<uint64_t>(value * radix + d, uint64_t{1} << 40);
  }
  return value;
}

// WHATWG "ends in a number": such a host is parsed as IPv4 or is invalid.
bool EndsInNumber(std::string_view host) {
  const size_t dot = host.rfind('.');
  const std::string_view last = dot == std::string_view::npos ? host : host.substr(dot + 1);
  if (last.empty()) return false;
  if (std::all_of(last.begin(), last.end(),
                  [](char c) { return IsAsciiDigit(static_cast<uint8_t>(c)); })) {
    return true;
  }
  return ParseIpv4Number(last).has_value();
}

// WHATWG IPv4 parser; the address in dotted decimal.
std::optional<std::string> ParseIpv4(std::string_view host) {
  uint64_t parts[4];
  size_t count = 0;
  for (size_t pos = 0;;) {
    const size_t dot = host.find('.', pos);
    const std::string_view part = host.substr(pos, dot - pos);
    if (count == 4) return std::nullopt;
    const std::optional<uint64_t> v = ParseIpv4Number(part);
    if (!v) return std::nullopt;
    parts[count++] = *v;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  for (size_t k = 0; k + 1 < count; ++k) {
    if (parts[k] > 255) return std::nullopt;
  }
  if (parts[count - 1] >= (uint64_t{1} << (8 * (5 - count)))) return std::nullopt;
  uint64_t address = parts[count - 1];
  for (size_t k = 0; k + 1 < count; ++k) address += parts[k] << (8 * (3 - k));
  std::string out;
  for (int shift = 24; shift >= 0; shift -= 8) {
    if (!out.empty()) out.push_back('.');
    out += std::to_string((address >> shift) & 0xFF);
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t k = 0; k < s.size(); ++k) {
    if (s[k] == '%' && k + 2 < s.size() && HexValue(s[k + 1]) >= 0 &&
        HexValue(s[k + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[k + 1]) * 16 + HexValue(s[k + 2])));
      k += 2;
    } else {
      out.push_back(s[k]);
    }
  }
  return out;
}

// WHATWG forbidden domain code points (ASCII).
bool HasForbiddenDomainCodePoint(std::string_view host) {
  for (const char ch : host) {
    const auto c = static_cast<uint8_t>(ch);
    if (c <= 0x20 || c == 0x7F) return true;
    switch (c) {
      case '#': case '%': case '/': case ':': case '<': case '>': case '?':
      case '@': case '[': case '\\': case ']': case '^': case '|':
        return true;
      default:
        break;
    }
  }
  return false;
}

void StripTrailingDots(std::string& s) {
  while (!s.empty() && s.back() == '.') s.pop_back();
}

}  // namespace

// ICU UTS #46 ToASCII of a name (label = false) or one label.
std::optional<std::string> IcuToAscii(std::string_view s, bool label) {
  const icu::IDNA* idna = Uts46();
  if (idna == nullptr || !base::IsValidUtf8(s)) return std::nullopt;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  icu::IDNAInfo info;
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece in(s.data(), static_cast<int32_t>(s.size()));
  if (label) {
    idna->labelToASCII_UTF8(in, sink, info, status);
  } else {
    idna->nameToASCII_UTF8(in, sink, info, status);
  }
  if (U_FAILURE(status) || (info.getErrors() & ~kIgnoredIdnaErrors) != 0) {
    return std::nullopt;
  }
  return out;
}

// "[...]" IPv6 literal, serialised as WHATWG does (lower-case hex, the
// first longest run of two or more zero pieces as "::").
std::optional<std::string> ParseIpv6(std::string_view inner) {
  char buf[64];
  if (inner.empty() || inner.size() >= sizeof buf) return std::nullopt;
  std::memcpy(buf, inner.data(), inner.size());
  buf[inner.size()] = '\0';
  unsigned char bytes[16];
  if (inet_pton(AF_INET6, buf, bytes) != 1) return std::nullopt;
  unsigned pieces[8];
  for (int k = 0; k < 8; ++k) pieces[k] = (bytes[2 * k] << 8) | bytes[2 * k + 1];
  int best = -1, best_len = 1;
  for (int k = 0; k < 8;) {
    int len = 0;
    while (k + len < 8 && pieces[k + len] == 0) ++len;
    if (len > best_len) {
      best = k;
      best_len = len;
    }
    k += len > 0 ? len : 1;
  }
  std::string out = "[";
  static constexpr char kHex[] = "0123456789abcdef";
  for (int k = 0; k < 8; ++k) {
    if (k == best) {
      out += k == 0 ? "::" : ":";
      k += best_len - 1;
      continue;
    }
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const unsigned d = (pieces[k] >> shift) & 0xF;
      if (d != 0 || started || shift == 0) {
        out.push_back(kHex[d]);
        started = true;
      }
    }
    if (k != 7) out.push_back(':');
  }
  out.push_back(']');
  return out;
}

std::string NormaliseHost(std::string_view text, bool* ipv4, bool* idna_error) {
  *ipv4 = false;
  *idna_error = false;
  std::string decoded;
  if (text.find('%') != std::string_view::npos) {
    decoded = PercentDecode(text);
    text = decoded;
  }
  std::string host = base::LowerAscii(text);
  if (!IsAscii(host) || HasPunycodeLabel(host)) {
    std::optional<std::string> ascii = IcuToAscii(text, /*label=*/false);
    if (!ascii) {
      *idna_error = true;
      StripTrailingDots(host);
      return host;
    }
    host = std::move(*ascii);
  }
  StripTrailingDots(host);
  if (host.empty() || HasForbiddenDomainCodePoint(host)) {
    *idna_error = true;
    return host;
  }
  if (EndsInNumber(host)) {
    std::optional<std::string> v4 = ParseIpv4(host);
    if (!v4) {
      *idna_error = true;
      return host;
    }
    *ipv4 = true;
    return std::move(*v4);
  }
  return host;
}

}  // namespace smslint::internal
