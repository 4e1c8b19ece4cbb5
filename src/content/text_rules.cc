// Rules on the shape of the text rather than its phrases
// (docs/content.md, "Engines"):
// capitals, punctuation runs, emoji count, obfuscated spellings, look-alike
// and invisible characters, many segments. Character lists, the leet table
// and the word list are data (data/content/lexicons/).
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "base/ascii.h"
#include "base/utf8.h"
#include "content/content_checks.h"
#include "content/lexicon.h"

namespace smslint::internal {
namespace {

struct Cp {
  char32_t cp;
  size_t begin, end;  // bytes in the decoded text
};

// Decodes into `out` (cleared first; callers reuse one per thread).
void DecodeInto(std::string_view text, std::vector<Cp>& out) {
  out.clear();
  out.reserve(text.size());
  const auto* base = reinterpret_cast<const uint8_t*>(text.data());
  const auto* p = base;
  const auto* end = base + text.size();
  while (p < end) {
    const base::Decoded d = base::DecodeUtf8(p, end);
    out.push_back({d.cp, static_cast<size_t>(p - base), static_cast<size_t>(p - base) + d.len});
    p += d.len;
  }
}

// Reused per thread: a body's code points are a few kilobytes, and their
// allocations showed in profiles. Reached through a call that is not
// inlined: in a shared library every use of a thread_local is a call to
// __tls_get_addr, and GCC re-derived the address at each use in the loops
// (~330 calls a realistic message) rather than keep it.
[[gnu::noinline]] std::vector<Cp>& ScratchCps(int which) {
  thread_local std::vector<Cp> scratch[2];
  return scratch[which];
}

// Gives a reused per-thread buffer's memory back after a huge body (a 4 MiB
// JSONL line would otherwise stay allocated for the thread's life).
struct ShrinkAfterUse {
  std::vector<Cp>& v;
  ~ShrinkAfterUse() {
    if (v.capacity() > (1u << 16)) {
      v.clear();
      v.shrink_to_fit();
    }
  }
};

bool AsciiAlnum(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return AsciiAlnum(cp);  // most of every body: skip ICU
  const UChar32 c = static_cast<UChar32>(cp);
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool IsEmoji(char32_t cp) {
  if (cp < 0xA9) return false;  // no Extended_Pictographic below ©
  // ©, ® and ™ are Extended_Pictographic but read as text.
  if (cp == 0x00A9 || cp == 0x00AE || cp == 0x2122) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC);
}

std::string Hex(char32_t cp) {
  std::string out;
  base::AppendCodePointLabel(&out, cp);
  return out;
}

// [begin, end) index ranges of the words of `cps` (runs of word characters).
std::vector<std::pair<size_t, size_t>> Words(const std::vector<Cp>& cps) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = 0;
  while (i < cps.size()) {
    if (!IsWordChar(cps[i].cp)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < cps.size() && IsWordChar(cps[j].cp)) ++j;
    out.emplace_back(i, j);
    i = j;
  }
  return out;
}

// The text as code points with their byte ranges: decoded (DecodeInto), or
// an ASCII text read byte for byte (most bodies: no decoding, no buffer).
struct DecodedText {
  const std::vector<Cp>& cps;
  size_t size() const { return cps.size(); }
  char32_t cp(size_t i) const { return cps[i].cp; }
  size_t begin(size_t i) const { return cps[i].begin; }
  size_t end(size_t i) const { return cps[i].end; }
};
struct AsciiText {
  std::string_view text;
  size_t size() const { return text.size(); }
  char32_t cp(size_t i) const { return static_cast<unsigned char>(text[i]); }
  size_t begin(size_t i) const { return i; }
  size_t end(size_t i) const { return i + 1; }
};

// Letters and capitals of the words of two letters or more ("A", "I" and
// initials say nothing), less the exempt words when `exempt`.
struct CapsCount {
  size_t letters = 0, upper = 0;
  bool Fires() const { return letters >= 20 && upper * 2 >= letters; }
};
template <typename Text>
CapsCount CountCaps(const ContentContext& c, const Text& cps, bool exempt) {
  CapsCount n;
  const std::string_view text = c.view.text();
  size_t b = 0;
  while (b < cps.size()) {
    // The words: runs of word characters.
    if (!IsWordChar(cps.cp(b))) {
      ++b;
      continue;
    }
    size_t e = b;
    size_t word_letters = 0, word_upper = 0;
    for (; e < cps.size(); ++e) {
      const char32_t cp = cps.cp(e);
      if (cp < 0x80) {
        if (!AsciiAlnum(cp)) break;
        const bool upper = cp >= 'A' && cp <= 'Z';
        if (!upper && !(cp >= 'a' && cp <= 'z')) continue;
        ++word_letters;
        word_upper += upper;
        continue;
      }
      if (!IsWordChar(cp)) break;
      const UChar32 ch = static_cast<UChar32>(cp);
      if (!u_isalpha(ch)) continue;
      ++word_letters;
      if (u_isupper(ch)) ++word_upper;
    }
    const size_t word_begin = b;
    b = e;
    if (word_letters <= 1) continue;
    // Exempt keywords are written in capitals; only such words need the
    // (regex) check.
    if (exempt && word_upper == word_letters &&
        c.phrases.Check("content/all-caps", "exempt-word",
                        text.substr(cps.begin(word_begin),
                                    cps.end(e - 1) - cps.begin(word_begin)))) {
      continue;
    }
    n.letters += word_letters;
    n.upper += word_upper;
  }
  return n;
}

template <typename Text>
void CheckAllCaps(const ContentContext& c, const Text& cps) {
  // First with the exempt words: dropping one takes its letters from both
  // counts, which only lowers the share of capitals, so a body that does
  // not fire with them does not fire without them, and most bodies need
  // no exemption check (a regex a word).
  if (!CountCaps(c, cps, false).Fires()) return;
  const CapsCount n = CountCaps(c, cps, true);
  if (!n.Fires()) return;
  const size_t letters = n.letters, upper = n.upper;
  const unsigned percent = static_cast<unsigned>(upper * 100 / letters);
  c.emit(rule::kContentAllCaps, "body", std::nullopt,
         {{"percent", std::to_string(percent)}, {"letters", std::to_string(letters)}},
         {.grade = upper * 4 >= letters * 3 ? grade::kContentAllCapsHigh : uint8_t{0}});
}

template <typename Text>
void CheckPunctuation(const ContentContext& c, const Text& cps) {
  // A run of three or more ! and ?, or four ! in all (URLs are blanked).
  size_t bangs = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t ch = cps.cp(i);
    if (ch != '!' && ch != '?') continue;
    size_t j = i;
    while (j < cps.size() && (cps.cp(j) == '!' || cps.cp(j) == '?')) ++j;
    if (j - i >= 3) {
      c.emit(rule::kContentExcessivePunctuation, "body",
             c.ViewSpan(cps.begin(i), cps.end(j - 1)),
             {{"match", std::string(c.view.text().substr(
                            cps.begin(i), cps.end(j - 1) - cps.begin(i)))}});
      return;
    }
    for (size_t k = i; k < j; ++k) {
      if (cps.cp(k) == '!' && ++bangs == 4) {
        c.emit(rule::kContentExcessivePunctuation, "body",
               c.ViewSpan(cps.begin(k), cps.end(k)), {{"match", "!"}});
        return;
      }
    }
    i = j - 1;
  }
}

void CheckEmoji(const ContentContext& c, const std::vector<Cp>& cps) {
  if (cps.size() == c.view.text().size()) return;  // all ASCII
  size_t count = 0;
  size_t fourth = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!IsEmoji(cps[i].cp)) continue;
    // A ZWJ sequence (👨‍👩‍👧) is one emoji: skip members joined to the last.
    const bool joined = i >= 1 && cps[i - 1].cp == kZeroWidthJoiner;
    if (joined) continue;
    if (++count == 4) fourth = i;
  }
  if (count >= 4) {
    c.emit(rule::kContentEmojiDensity, "body",
           c.ViewSpan(cps[fourth].begin, cps[fourth].end),
           {{"count", std::to_string(count)}});
  }
}

bool Ascii(std::string_view s) {
  for (char ch : s) {
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  }
  return true;
}

// The UTF-8 bytes of the listed invisible code points and of the ZWJ.
struct Utf8Seq {
  std::array<uint8_t, 4> bytes{};
  size_t len = 0;
  constexpr void push_back(char c) { bytes[len++] = static_cast<uint8_t>(c); }
};
constexpr Utf8Seq EncodeUtf8(char32_t cp) {
  Utf8Seq s;
  base::AppendUtf8(s, cp);
  return s;
}
constexpr auto kInvisibleSeqs = [] {
  std::array<Utf8Seq, kInvisibleCodePoints.size() + 1> out{};
  for (size_t i = 0; i < kInvisibleCodePoints.size(); ++i) {
    out[i] = EncodeUtf8(kInvisibleCodePoints[i]);
  }
  out.back() = EncodeUtf8(kZeroWidthJoiner);
  return out;
}();
constexpr auto kInvisibleLead = [] {
  std::array<bool, 256> lead{};
  for (const Utf8Seq& s : kInvisibleSeqs) lead[s.bytes[0]] = true;
  return lead;
}();
static_assert(std::all_of(kInvisibleCodePoints.begin(), kInvisibleCodePoints.end(),
                          [](char32_t cp) { return cp >= 0x80; }),
              "CheckInvisible skips ASCII bodies");

// Whether `body` can hold a listed invisible code point or the ZWJ: the
// bytes of one occur. Exact: valid UTF-8 has one encoding per code point,
// and the decoder starts afresh at every lead byte, so a code point is
// decoded exactly where its bytes are. Most non-ASCII text (accents, CJK,
// Cyrillic, emoji without ZWJ) has none, and skips decoding the body.
bool MayHaveInvisible(std::string_view body) {
  const auto* p = reinterpret_cast<const uint8_t*>(body.data());
  const size_t n = body.size();
  for (size_t i = 0; i < n; ++i) {
    if (!kInvisibleLead[p[i]]) continue;
    for (const Utf8Seq& s : kInvisibleSeqs) {
      if (s.bytes[0] == p[i] && n - i >= s.len &&
          std::memcmp(p + i, s.bytes.data(), s.len) == 0) {
        return true;
      }
    }
  }
  return false;
}

void CheckInvisible(const ContentContext& c) {
  if (Ascii(c.body)) return;  // every listed character is outside ASCII
  if (!MayHaveInvisible(c.body)) return;
  // On the body itself: blanking URLs must not hide a zero-width space.
  std::vector<Cp>& cps = ScratchCps(1);
  const ShrinkAfterUse shrink{cps};
  DecodeInto(c.body, cps);
  size_t count = 0;
  std::optional<size_t> first;
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t ch = cps[i].cp;
    bool invisible = std::binary_search(kInvisibleCodePoints.begin(),
                                        kInvisibleCodePoints.end(), ch);
    if (ch == kZeroWidthJoiner) {
      // Joins emoji (👩‍💻) or follows a presentation selector: legitimate.
      const bool near_emoji =
          (i > 0 && (IsEmoji(cps[i - 1].cp) || cps[i - 1].cp == 0xFE0F)) ||
          (i + 1 < cps.size() && IsEmoji(cps[i + 1].cp));
      invisible = !near_emoji;
    }
    if (!invisible) continue;
    ++count;
    if (!first) first = i;
  }
  if (first) {
    c.emit(rule::kContentInvisibleCharacters, "body",
           c.BodySpan(cps[*first].begin, cps[*first].end),
           {{"code_point", Hex(cps[*first].cp)}, {"count", std::to_string(count)}});
  }
}

bool Styled(char32_t cp) {
  if (cp < 0x80) return false;
  for (const CodePointRange& r : kStyledRanges) {
    if (cp >= r.first && cp <= r.last) return true;
  }
  return false;
}

// Mixed scripts inside one word: ICU's spoof checker at the "highly
// restrictive" level (UTS #39) decides, restricted to the confusable
// scripts of the data file mixed with Latin, as the rule table asks.
class MixedScript {
 public:
  MixedScript() {
    UErrorCode status = U_ZERO_ERROR;
    checker_ = uspoof_open(&status);
    if (U_SUCCESS(status)) {
      uspoof_setChecks(checker_, USPOOF_RESTRICTION_LEVEL, &status);
      uspoof_setRestrictionLevel(checker_, USPOOF_HIGHLY_RESTRICTIVE);
    }
    if (U_FAILURE(status)) {
      uspoof_close(checker_);
      checker_ = nullptr;
    }
    for (std::string_view name : kConfusableScripts) {
      const int32_t code =
          u_getPropertyValueEnum(UCHAR_SCRIPT, std::string(name).c_str());
      if (code != UCHAR_INVALID_CODE) scripts_.push_back(static_cast<UScriptCode>(code));
    }
  }
  ~MixedScript() { uspoof_close(checker_); }

  bool Suspicious(std::string_view word, const std::vector<Cp>& cps, size_t b,
                  size_t e) const {
    bool latin = false, other = false;
    for (size_t i = b; i < e; ++i) {
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode s = uscript_getScript(static_cast<UChar32>(cps[i].cp), &status);
      if (s == USCRIPT_LATIN) latin = true;
      if (std::find(scripts_.begin(), scripts_.end(), s) != scripts_.end()) other = true;
    }
    if (!latin || !other) return false;
    if (checker_ == nullptr) return true;
    UErrorCode status = U_ZERO_ERROR;
    // uspoof_checkUTF8 is const on a configured checker: safe across threads.
    const int32_t result = uspoof_checkUTF8(
        checker_, word.data(), static_cast<int32_t>(word.size()), nullptr, &status);
    return U_FAILURE(status) || (result & USPOOF_RESTRICTION_LEVEL) != 0;
  }

 private:
  USpoofChecker* checker_ = nullptr;
  std::vector<UScriptCode> scripts_;
};

void CheckLookalike(const ContentContext& c, const std::vector<Cp>& cps,
                    const std::vector<std::pair<size_t, size_t>>& words) {
  static const MixedScript* const mixed = new MixedScript();  // immutable
  const std::string_view text = c.view.text();
  if (cps.size() == text.size()) return;  // all ASCII: nothing to look alike
  for (auto [b, e] : words) {
    bool ascii = true, styled = false;
    for (size_t i = b; i < e; ++i) {
      if (cps[i].cp >= 0x80) ascii = false;
      if (Styled(cps[i].cp)) styled = true;
    }
    if (ascii) continue;
    const std::string_view w = text.substr(cps[b].begin, cps[e - 1].end - cps[b].begin);
    std::string reason;
    if (styled) {
      reason = "styled letters (fullwidth, mathematical or enclosed)";
    } else if (mixed->Suspicious(w, cps, b, e)) {
      reason = "letters of another script mixed with Latin in one word";
    } else {
      continue;
    }
    c.emit(rule::kContentLookalikeCharacters, "body",
           c.ViewSpan(cps[b].begin, cps[e - 1].end),
           {{"match", std::string(w)}, {"reason", reason}});
    return;
  }
}

// Byte tables for CheckObfuscation (it reads every byte of every body).
struct ByteSet {
  std::array<bool, 256> in{};
  constexpr explicit ByteSet(std::string_view chars) {
    for (char ch : chars) in[static_cast<unsigned char>(ch)] = true;
  }
  constexpr bool operator()(char ch) const { return in[static_cast<unsigned char>(ch)]; }
};
constexpr ByteSet kSeparator(kObfuscationSeparators);
// Sentence punctuation around a token is not part of it; "!" and "|" at
// the ends are ignored too.
constexpr ByteSet kTrailing("!|.,;:?\"'()");
constexpr ByteSet kLeading("!|\"'(");

// kLeet as a table indexed by byte: 0 when the character is no leet digit.
constexpr std::array<char, 256> LeetTable() {
  std::array<char, 256> t{};
  for (const LeetEntry& e : kLeet) {
    if (e.from.size() == 1 && e.to.size() == 1) {
      t[static_cast<unsigned char>(e.from[0])] = e.to[0];
    }
  }
  return t;
}
constexpr std::array<char, 256> kLeetTable = LeetTable();

// The lexicon word a spelled-out or leet token stands for, or "".
std::string_view LexiconWordIn(std::string_view letters, bool whole) {
  for (std::string_view w : kObfuscationWords) {
    if (whole ? letters == w : letters.find(w) != std::string_view::npos) return w;
  }
  return {};
}

void CheckObfuscation(const ContentContext& c) {
  const std::string_view text = c.view.text();
  const ByteSet& is_sep = kSeparator;
  auto is_letter = [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
  };
  // (a) Four or more single letters with single separators: "F R E E".
  const size_t n = text.size();
  auto alnum = [&](size_t k) {
    const char ch = text[k];
    return is_letter(ch) || (ch >= '0' && ch <= '9');
  };
  auto single = [&](size_t k) {
    return k < n && is_letter(text[k]) && (k == 0 || !alnum(k - 1)) &&
           (k + 1 >= n || !alnum(k + 1));
  };
  for (size_t i = 0; i < n; ++i) {
    if (!single(i)) continue;
    std::string letters(1, base::ToLowerAscii(text[i]));
    size_t j = i;
    while (j + 2 < n && is_sep(text[j + 1]) && single(j + 2)) {
      letters.push_back(base::ToLowerAscii(text[j + 2]));
      j += 2;
    }
    if (letters.size() >= 4) {
      if (std::string_view w = LexiconWordIn(letters, false); !w.empty()) {
        c.emit(rule::kContentObfuscatedWords, "body", c.ViewSpan(i, j + 1),
               {{"match", std::string(text.substr(i, j + 1 - i))}, {"word", std::string(w)}});
        return;
      }
    }
    i = j;
  }
  // (b) A token mixing letters with leet digits and symbols: "fr3e", "b0nus".
  // Tokens are runs between spaces, tabs and newlines. Most are plain
  // words: only those with a leet character can qualify, so the scan jumps
  // from one leet character to the next and takes the token around it.
  auto is_blank = [](char ch) { return ch == ' ' || ch == '\n' || ch == '\t'; };
  auto is_leet = [](char ch) { return kLeetTable[static_cast<unsigned char>(ch)] != 0; };
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_leet(text[i])) ++i;
    if (i == text.size()) break;
    size_t j = i;
    while (i > 0 && !is_blank(text[i - 1])) --i;  // back to the token's start
    while (j < text.size() && !is_blank(text[j])) ++j;
    std::string_view token = text.substr(i, j - i);
    size_t tb = i;
    while (!token.empty() && kTrailing(token.back())) token.remove_suffix(1);
    while (!token.empty() && kLeading(token.front())) {
      token.remove_prefix(1);
      ++tb;
    }
    // The trimmed ends may have held the only leet characters.
    const bool any_leet = std::any_of(token.begin(), token.end(), is_leet);
    if (!any_leet) {
      i = j;
      continue;
    }
    std::string mapped;
    bool has_letter = false, has_leet = false, ok = !token.empty();
    for (char ch : token) {
      if (is_letter(ch)) {
        has_letter = true;
        mapped.push_back(base::ToLowerAscii(ch));
        continue;
      }
      const char leet = kLeetTable[static_cast<unsigned char>(ch)];
      if (leet == 0) {
        ok = false;
        break;
      }
      has_leet = true;
      mapped.push_back(leet);
    }
    if (ok && has_letter && has_leet) {
      if (std::string_view w = LexiconWordIn(mapped, true); !w.empty()) {
        c.emit(rule::kContentObfuscatedWords, "body", c.ViewSpan(tb, tb + token.size()),
               {{"match", std::string(token)}, {"word", std::string(w)}});
        return;
      }
    }
    i = j;
  }
}

}  // namespace

void CheckTextRules(const ContentContext& c) {
  if (c.view.ascii()) {
    // Most bodies: read byte for byte, no decoding; no emoji and nothing
    // to look alike.
    const AsciiText text{c.view.text()};
    CheckAllCaps(c, text);
    CheckPunctuation(c, text);
    CheckInvisible(c);  // on the body, which may not be ASCII (a URL's)
  } else {
    std::vector<Cp>& cps = ScratchCps(0);
    const ShrinkAfterUse shrink{cps};
    DecodeInto(c.view.text(), cps);
    const DecodedText text{cps};
    CheckAllCaps(c, text);
    CheckPunctuation(c, text);
    CheckEmoji(c, cps);
    CheckInvisible(c);
    CheckLookalike(c, cps, Words(cps));
  }
  CheckObfuscation(c);
  if (c.segments.segment_count > 3) {
    c.emit(rule::kContentManySegments, "body", std::nullopt,
           {{"segments", std::to_string(c.segments.segment_count)},
            {"encoding", std::string(EncodingName(c.segments.encoding))}});
  }
}

}  // namespace smslint::internal
