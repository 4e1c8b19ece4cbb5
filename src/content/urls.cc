// URL and e-mail extraction (content_rules.md §1.2; docs/urls.md).
//
// The scanner is hand-written rather than std::regex or RE2 because it runs
// on every message and has to do what a regular expression does badly:
// check the TLD against a 1,494-entry table with backtracking to the
// longest known one, balance brackets while trimming, classify non-ASCII
// code points as label characters, and skip text already inside a match.
// It also only looks at tokens (text between ASCII whitespace) that hold a
// trigger, a '.' between two label characters or "://", found with memchr:
// a 160-byte body without one costs about 40 ns, with one URL about 250 ns.
#include "content/urls.h"

#include <arpa/inet.h>
#include <unicode/bytestream.h>
#include <unicode/idna.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "internal/utf8.h"

namespace smslint::internal {
namespace {

#include "gen/tlds.inc"
#include "gen/url_shorteners.inc"

// kTlds[kTldBucket[c - 'a'] .. kTldBucket[c - 'a' + 1]) start with c;
// entries start with a letter.
constexpr std::array<uint16_t, 27> kTldBucket = [] {
  std::array<uint16_t, 27> b{};
  size_t k = 0;
  for (int c = 0; c < 26; ++c) {
    b[c] = static_cast<uint16_t>(k);
    while (k < std::size(kTlds) && kTlds[k][0] == 'a' + c) ++k;
  }
  b[26] = static_cast<uint16_t>(k);
  return b;
}();
static_assert(kTldBucket[26] == std::size(kTlds), "a TLD starts with a non-letter");

constexpr size_t kMaxTldLength = [] {
  size_t m = 0;
  for (const std::string_view t : kTlds) m = std::max(m, t.size());
  return m;
}();

// Character classes. kLabel: a character of a host label (ASCII letter or
// digit; non-ASCII letter, mark or decimal digit). kSpace ends a URL:
// Unicode White_Space and the C0/C1 controls.
enum CharClass : uint8_t {
  kOther,
  kLabel,
  kHyphen,
  kDot,
  kAt,
  kSlash,
  kUnderscore,
  kLocal,  // other e-mail local-part characters: % +
  kSpace,
};

constexpr std::array<uint8_t, 128> kAsciiClass = [] {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = kSpace;
  t[' '] = kSpace;
  t[0x7F] = kSpace;
  for (int c = '0'; c <= '9'; ++c) t[c] = kLabel;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLabel;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLabel;
  t['-'] = kHyphen;
  t['.'] = kDot;
  t['@'] = kAt;
  t['/'] = kSlash;
  t['_'] = kUnderscore;
  t['%'] = kLocal;
  t['+'] = kLocal;
  return t;
}();

bool IsUnicodeSpace(char32_t cp) {
  return (cp >= 0x80 && cp <= 0xA0) || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

uint8_t ClassOfCp(char32_t cp) {
  if (cp < 0x80) return kAsciiClass[cp];
  if (IsUnicodeSpace(cp)) return kSpace;
  constexpr uint32_t kLabelMask = U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK;
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & kLabelMask) ? kLabel : kOther;
}

struct CpClass {
  uint8_t cls;
  uint32_t len;
};

[[gnu::noinline]] CpClass ClassAtNonAscii(const uint8_t* p, size_t n, size_t i) {
  const Decoded d = DecodeUtf8(p + i, p + n);
  return {d.valid ? ClassOfCp(d.cp) : static_cast<uint8_t>(kOther), d.len};
}

// The class of the code point at p[i] (i < n). Invalid UTF-8 is kOther,
// one maximal subpart at a time.
[[gnu::always_inline]] inline CpClass ClassAt(const uint8_t* p, size_t n, size_t i) {
  if (p[i] < 0x80) return {kAsciiClass[p[i]], 1};
  return ClassAtNonAscii(p, n, i);
}

struct PrevCp {
  uint8_t cls;
  size_t start;  // where that code point begins
};

// The class of the code point that ends at p[i] (i > 0).
PrevCp ClassBefore(const uint8_t* p, size_t n, size_t i) {
  if (p[i - 1] < 0x80) return {kAsciiClass[p[i - 1]], i - 1};
  for (size_t k = 1; k <= 4 && k <= i; ++k) {
    if ((p[i - k] & 0xC0) == 0x80) continue;  // continuation byte
    const Decoded d = DecodeUtf8(p + i - k, p + n);
    if (d.valid && d.len == k) return {ClassOfCp(d.cp), i - k};
    break;
  }
  return {kOther, i - 1};
}

// A scheme-less URL starts only where the previous character is not a word
// character, '@', '.', '/' or '-', so e-mail domains and the middle of
// "notbit.ly.example.com" or "maple-and-co.com" never start one.
bool StartAllowed(const uint8_t* p, size_t n, size_t i) {
  if (i == 0) return true;
  switch (ClassBefore(p, n, i).cls) {
    case kLabel: case kHyphen: case kDot: case kAt: case kSlash: case kUnderscore:
      return false;
    default:
      return true;
  }
}

bool IsAsciiDigit(uint8_t b) { return b >= '0' && b <= '9'; }
char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// A run of labels: label characters and hyphens, with single dots between
// them, starting at a label character. Dots are counted.
struct Run {
  size_t begin, end, dots;
};

Run ScanRun(const uint8_t* p, size_t n, size_t i) {
  Run r{i, i, 0};
  size_t j = i;
  while (true) {
    while (j < n) {
      const CpClass c = ClassAt(p, n, j);
      if (c.cls != kLabel && c.cls != kHyphen) break;
      j += c.len;
    }
    if (j + 1 < n && p[j] == '.') {
      const uint8_t next = ClassAt(p, n, j + 1).cls;
      if (next == kLabel || next == kHyphen) {
        ++j;
        ++r.dots;
        continue;
      }
    }
    break;
  }
  r.end = j;
  return r;
}

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

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const Decoded d = DecodeUtf8(p, end);
    if (!d.valid) return false;
    p += d.len;
  }
  return true;
}

// ICU UTS #46 ToASCII of a name (label = false) or one label.
std::optional<std::string> IcuToAscii(std::string_view s, bool label) {
  const icu::IDNA* idna = Uts46();
  if (idna == nullptr || !IsValidUtf8(s)) return std::nullopt;
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

bool IsAscii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<uint8_t>(c) >= 0x80) return false;
  }
  return true;
}

bool HasPunycodeLabel(std::string_view lower) {
  for (size_t pos = 0; pos < lower.size();) {
    if (lower.substr(pos, 4) == "xn--") return true;
    const size_t dot = lower.find('.', pos);
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return false;
}

// TLD of a scheme-less candidate: the label as written (label characters).
bool IsKnownTldLabel(std::string_view label) {
  if (IsAscii(label)) {
    if (label.size() > kMaxTldLength) return false;
    char buf[kMaxTldLength];
    for (size_t k = 0; k < label.size(); ++k) buf[k] = AsciiLower(label[k]);
    std::string_view lower(buf, label.size());
    // Punycode TLDs are stored in their canonical (validated) form.
    if (!lower.starts_with("xn--")) return IsKnownTld(lower);
  }
  const std::optional<std::string> ascii = IcuToAscii(label, /*label=*/true);
  return ascii && IsKnownTld(*ascii);
}

// The end of the longest prefix of the run, with at least two labels, whose
// last label is a known TLD; 0 when there is none. The longest prefix:
// "acme.com.Then" (no space after the full stop) is still "acme.com".
size_t KnownTldEnd(const uint8_t* p, const Run& r) {
  const char* s = reinterpret_cast<const char*>(p);
  size_t end = r.end;
  for (size_t dots = r.dots; dots > 0; --dots) {
    size_t dot = end - 1;
    while (s[dot] != '.') --dot;
    if (IsKnownTldLabel(std::string_view(s + dot + 1, end - dot - 1))) return end;
    end = dot;
  }
  return 0;
}

// Exactly a.b.c.d with decimal octets 0-255 (so "10.2.1" and
// "555.201.3344" are not addresses).
bool IsDottedQuad(std::string_view s) {
  size_t parts = 0, digits = 0, value = 0;
  for (size_t k = 0; k <= s.size(); ++k) {
    if (k == s.size() || s[k] == '.') {
      if (digits == 0 || value > 255) return false;
      ++parts;
      digits = value = 0;
    } else if (IsAsciiDigit(static_cast<uint8_t>(s[k])) && digits < 3) {
      value = value * 10 + static_cast<size_t>(s[k] - '0');
      ++digits;
    } else {
      return false;
    }
  }
  return parts == 4;
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

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

void StripTrailingDots(std::string& s) {
  while (!s.empty() && s.back() == '.') s.pop_back();
}

bool IsTrailingPunct(uint8_t b) {
  switch (b) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '\'': case '"':
      return true;
    default:
      return false;
  }
}

// Trailing characters that end a sentence rather than a URL: the ASCII and
// typographic punctuation above, and closing brackets without an opener in
// the URL ("(is.gd/Qx1)." but "wiki/Foo_(bar)").
size_t TrimEnd(const uint8_t* p, size_t begin, size_t end) {
  long paren = 0, bracket = 0, brace = 0;  // closers minus openers
  bool counted = false;
  while (end > begin) {
    if (!counted && (p[end - 1] == ')' || p[end - 1] == ']' || p[end - 1] == '}')) {
      counted = true;
      for (size_t k = begin; k < end; ++k) {
        switch (p[k]) {
          case '(': --paren; break;
          case ')': ++paren; break;
          case '[': --bracket; break;
          case ']': ++bracket; break;
          case '{': --brace; break;
          case '}': ++brace; break;
          default: break;
        }
      }
    }
    const uint8_t b = p[end - 1];
    if (IsTrailingPunct(b)) {
      --end;
    } else if (b == ')' && paren > 0) {
      --end;
      --paren;
    } else if (b == ']' && bracket > 0) {
      --end;
      --bracket;
    } else if (b == '}' && brace > 0) {
      --end;
      --brace;
    } else if (end - begin >= 2 && p[end - 2] == 0xC2 && b == 0xBB) {
      end -= 2;  // »
    } else if (end - begin >= 3 && p[end - 3] == 0xE2 && p[end - 2] == 0x80 &&
               (b == 0x9D || b == 0x99 || b == 0xA6)) {
      end -= 3;  // ” ’ …
    } else {
      break;
    }
  }
  return end;
}

// The end of the non-space text from i.
size_t SpanToSpace(const uint8_t* p, size_t n, size_t i) {
  while (i < n) {
    if (p[i] < 0x80) {
      if (kAsciiClass[p[i]] == kSpace) break;
      ++i;
      continue;
    }
    const Decoded d = DecodeUtf8(p + i, p + n);
    if (d.valid && IsUnicodeSpace(d.cp)) break;
    i += d.len;
  }
  return i;
}

bool EqualsIgnoreCase(const uint8_t* p, std::string_view lower) {
  for (size_t k = 0; k < lower.size(); ++k) {
    if (AsciiLower(static_cast<char>(p[k])) != lower[k]) return false;
  }
  return true;
}

// The scheme that ends at `colon` (followed by "//"), or "".
std::string_view SchemeBefore(const uint8_t* p, size_t run_begin, size_t colon) {
  for (const std::string_view scheme : {"https", "http", "ftp"}) {
    if (colon - run_begin >= scheme.size() &&
        EqualsIgnoreCase(p + colon - scheme.size(), scheme)) {
      return scheme;
    }
  }
  return {};
}

void SetHost(std::string_view text, UrlMatch& m) {
  bool ipv4 = false, error = false;
  m.host = NormaliseHost(text, &ipv4, &error);
  m.ipv4 = ipv4;
  m.idna_error = error;
}

// Fills the host fields of a URL with a scheme; [a, end) follows "://".
void ParseAuthority(const uint8_t* p, size_t a, size_t end, UrlMatch& m) {
  const char* s = reinterpret_cast<const char*>(p);
  // Browsers skip any further slashes ("https:///bit.ly" opens bit.ly).
  while (a < end && (s[a] == '/' || s[a] == '\\')) ++a;
  size_t auth_end = a;
  while (auth_end < end && s[auth_end] != '/' && s[auth_end] != '\\' &&
         s[auth_end] != '?' && s[auth_end] != '#') {
    ++auth_end;
  }
  size_t host_begin = a;
  for (size_t k = auth_end; k > a; --k) {
    if (s[k - 1] == '@') {
      host_begin = k;
      m.has_userinfo = true;
      break;
    }
  }
  size_t host_end = host_begin;
  if (host_begin < auth_end && s[host_begin] == '[') {
    const void* close = std::memchr(s + host_begin, ']', auth_end - host_begin);
    host_end = close ? static_cast<size_t>(static_cast<const char*>(close) - s) + 1 : auth_end;
    m.host_begin = host_begin;
    m.host_end = host_end;
    const std::optional<std::string> v6 =
        close ? ParseIpv6(std::string_view(s + host_begin + 1, host_end - host_begin - 2))
              : std::nullopt;
    if (v6) {
      m.host = *v6;
      m.ipv6 = true;
    } else {
      m.host = AsciiLowerCopy(std::string_view(s + host_begin, host_end - host_begin));
      m.idna_error = true;
    }
    return;
  }
  while (host_end < auth_end && s[host_end] != ':') ++host_end;
  m.host_begin = host_begin;
  m.host_end = host_end;
  SetHost(std::string_view(s + host_begin, host_end - host_begin), m);
}

// The e-mail addresses, before URLs are known: a local part of letters,
// digits and . _ % + - before an '@', and a domain with a known TLD after.
std::vector<TextRange> FindEmailCandidates(const uint8_t* p, size_t n) {
  std::vector<TextRange> out;
  size_t floor = 0;
  for (const void* q = std::memchr(p, '@', n); q != nullptr;) {
    const size_t at = static_cast<size_t>(static_cast<const uint8_t*>(q) - p);
    q = at + 1 < n ? std::memchr(p + at + 1, '@', n - at - 1) : nullptr;
    size_t lb = at;
    while (lb > floor) {
      const PrevCp prev = ClassBefore(p, n, lb);
      if (prev.cls != kLabel && prev.cls != kHyphen && prev.cls != kDot &&
          prev.cls != kUnderscore && prev.cls != kLocal) {
        break;
      }
      lb = prev.start;
    }
    lb = std::max(lb, floor);
    while (lb < at && p[lb] == '.') ++lb;
    if (lb == at || at + 1 >= n || ClassAt(p, n, at + 1).cls != kLabel) continue;
    const Run domain = ScanRun(p, n, at + 1);
    if (domain.dots == 0) continue;
    const size_t end = KnownTldEnd(p, domain);
    if (end == 0) continue;
    out.push_back({lb, end});
    floor = end;
  }
  return out;
}

// The first trigger at or after `from`, or n: a '.' between label-like
// bytes, or the ':' of "://". Every URL and e-mail holds one. Two memchr
// sweeps.
size_t NextTrigger(const uint8_t* p, size_t n, size_t from) {
  const auto labelish = [](uint8_t b) {
    return b >= 0x80 || kAsciiClass[b] == kLabel || b == '-';
  };
  if (from >= n) return n;
  size_t first = n;
  for (const void* q = std::memchr(p + from, '.', n - from); q != nullptr;) {
    const size_t k = static_cast<size_t>(static_cast<const uint8_t*>(q) - p);
    if (k > 0 && k + 1 < n && labelish(p[k - 1]) && labelish(p[k + 1])) {
      first = k;
      break;
    }
    q = k + 1 < n ? std::memchr(p + k + 1, '.', n - k - 1) : nullptr;
  }
  for (const void* q = std::memchr(p + from, ':', first - from); q != nullptr;) {
    const size_t k = static_cast<size_t>(static_cast<const uint8_t*>(q) - p);
    if (k + 2 < n && p[k + 1] == '/' && p[k + 2] == '/') {
      first = k;
      break;
    }
    q = k + 1 < first ? std::memchr(p + k + 1, ':', first - k - 1) : nullptr;
  }
  return first;
}

// The start of the token (text after ASCII whitespace) that holds `pos`,
// but not before `floor`. A match never spans ASCII whitespace, and the
// byte after it starts a code point.
size_t TokenStart(const uint8_t* p, size_t floor, size_t pos) {
  while (pos > floor && !(p[pos - 1] < 0x80 && kAsciiClass[p[pos - 1]] == kSpace)) --pos;
  return pos;
}

}  // namespace

bool IsKnownTld(std::string_view tld) {
  if (tld.size() < 2 || tld.size() > kMaxTldLength || tld[0] < 'a' || tld[0] > 'z') {
    return false;
  }
  const int c = tld[0] - 'a';
  return std::binary_search(kTlds + kTldBucket[c], kTlds + kTldBucket[c + 1], tld);
}

std::string NormaliseHost(std::string_view text, bool* ipv4, bool* idna_error) {
  *ipv4 = false;
  *idna_error = false;
  std::string decoded;
  if (text.find('%') != std::string_view::npos) {
    decoded = PercentDecode(text);
    text = decoded;
  }
  std::string host = AsciiLowerCopy(text);
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

UrlScan FindUrls(std::string_view body) {
  UrlScan scan;
  const auto* p = reinterpret_cast<const uint8_t*>(body.data());
  const size_t n = body.size();
  size_t trigger = NextTrigger(p, n, 0);
  if (trigger == n) return scan;

  std::vector<TextRange> emails;
  if (std::memchr(p, '@', n) != nullptr) emails = FindEmailCandidates(p, n);
  size_t next_email = 0;

  // Only tokens that hold a trigger are scanned.
  size_t i = TokenStart(p, 0, trigger);

  const auto emit = [&](UrlMatch&& m) {
    i = m.end;
    scan.urls.push_back(std::move(m));
  };

  while (i < n) {
    if (i > trigger) {
      trigger = NextTrigger(p, n, i);
      if (trigger == n) break;
      i = TokenStart(p, i, trigger);
    }
    // E-mails overlapped by a URL that began earlier are part of it.
    while (next_email < emails.size() && emails[next_email].begin < i) ++next_email;
    if (next_email < emails.size() && emails[next_email].begin == i) {
      scan.emails.push_back(emails[next_email]);
      i = emails[next_email++].end;
      continue;
    }
    const CpClass c = ClassAt(p, n, i);
    if (c.cls != kLabel) {
      i += c.len;
      continue;
    }
    const Run run = ScanRun(p, n, i);

    // Scheme-less: host [www.]label(.label)*.tld or a.b.c.d, then an
    // optional :port and path.
    if (run.dots > 0 && StartAllowed(p, n, i)) {
      const std::string_view text(body.data() + run.begin, run.end - run.begin);
      size_t host_end = 0;
      bool quad = false;
      if (run.dots == 3 && IsDottedQuad(text)) {
        quad = true;
        host_end = run.end;
      } else {
        host_end = KnownTldEnd(p, run);
      }
      if (host_end != 0 && !(host_end < n && p[host_end] == '@')) {
        UrlMatch m;
        m.begin = run.begin;
        m.host_begin = run.begin;
        m.host_end = host_end;
        SetHost(std::string_view(body.data() + run.begin, host_end - run.begin), m);
        if (!quad || m.ipv4) {
          size_t end = host_end;
          if (end + 1 < n && p[end] == ':' && IsAsciiDigit(p[end + 1])) {
            size_t k = end + 1;
            while (k < n && IsAsciiDigit(p[k]) && k - end <= 5) ++k;
            if (k == n || ClassAt(p, n, k).cls != kLabel) end = k;
          }
          if (end < n && (p[end] == '/' || p[end] == '?' || p[end] == '#')) {
            end = TrimEnd(p, run.begin, SpanToSpace(p, n, end));
          }
          m.end = end;
          emit(std::move(m));
          continue;
        }
      }
    }

    // With a scheme: "http://", "https://" or "ftp://" (any case) and
    // non-space text. The scheme may end a longer word ("Tap herehttps://").
    if (run.end + 3 < n && p[run.end] == ':' && p[run.end + 1] == '/' &&
        p[run.end + 2] == '/' && ClassAt(p, n, run.end + 3).cls != kSpace) {
      const std::string_view scheme = SchemeBefore(p, run.begin, run.end);
      if (!scheme.empty()) {
        const size_t begin = run.end - scheme.size();
        const size_t rest = run.end + 3;
        const size_t end = TrimEnd(p, begin, SpanToSpace(p, n, rest));
        if (end > rest) {
          UrlMatch m;
          m.begin = begin;
          m.end = end;
          m.scheme = std::string(scheme);
          ParseAuthority(p, rest, end, m);
          emit(std::move(m));
          continue;
        }
      }
    }
    i = run.end;
  }
  return scan;
}

void HostSet::Add(std::string_view host) {
  bool ipv4 = false, error = false;
  std::string h = NormaliseHost(host, &ipv4, &error);
  if (!h.empty()) hosts_.insert(std::move(h));
}

std::string_view HostSet::Match(std::string_view host) const {
  if (host.empty() || hosts_.empty()) return {};
  for (size_t pos = 0;;) {
    const auto it = hosts_.find(host.substr(pos));
    if (it != hosts_.end()) return *it;
    const size_t dot = host.find('.', pos);
    if (dot == std::string_view::npos) return {};
    pos = dot + 1;
  }
}

const HostSet& PublicShorteners() {
  static const HostSet* const set = [] {
    auto* s = new HostSet;
    for (const std::string_view h : kUrlShorteners) s->Add(h);
    return s;
  }();
  return *set;
}

}  // namespace smslint::internal
