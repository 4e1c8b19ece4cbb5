// URL and e-mail extraction (docs/urls.md).
//
// The scanner is hand-written rather than std::regex or RE2 because it runs
// on every message and has to do what a regular expression does badly:
// check the TLD against a 1,494-entry table with backtracking to the
// longest known one, balance brackets while trimming, classify non-ASCII
// code points as label characters, and skip text already inside a match.
// It also only looks at tokens (text between ASCII whitespace) that hold a
// trigger, a '.' between two label characters or "://", found with memchr:
// a 160-byte body without one costs about 40 ns, with one URL about 250 ns.
// Hosts are normalised by host_normalize.cc.
#include "content/url_scanner.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "base/ascii.h"
#include "base/utf8.h"
#include "content/host_normalize.h"

namespace smslint::internal {
namespace {

using base::Decoded;
using base::DecodeUtf8;
using base::IsAscii;
using base::IsAsciiDigit;

#include "gen/tlds.inc"

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

// TLD of a scheme-less candidate: the label as written (label characters).
bool IsKnownTldLabel(std::string_view label) {
  if (IsAscii(label)) {
    if (label.size() > kMaxTldLength) return false;
    char buf[kMaxTldLength];
    for (size_t k = 0; k < label.size(); ++k) buf[k] = base::ToLowerAscii(label[k]);
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

// The scheme that ends at `colon` (followed by "//"), or "".
std::string_view SchemeBefore(const uint8_t* p, size_t run_begin, size_t colon) {
  for (const std::string_view scheme : {"https", "http", "ftp"}) {
    if (colon - run_begin >= scheme.size() &&
        base::EqualsIgnoreAsciiCase(
            std::string_view(reinterpret_cast<const char*>(p) + colon - scheme.size(),
                             scheme.size()),
            scheme)) {
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
      m.host = base::LowerAscii(std::string_view(s + host_begin, host_end - host_begin));
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

}  // namespace smslint::internal
