#include "content/lexical_view.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "base/ascii.h"
#include "content/lexicon.h"

namespace smslint::internal {

struct LexicalView::Edits {
  icu::Edits edits;
};

LexicalView::LexicalView(std::string_view body, const UrlScan& urls)
    : text_(body) {
  if (!urls.urls.empty() || !urls.emails.empty()) {
    // Blank with spaces, byte for byte, so offsets stay those of the body.
    owned_ = body;
    for (const UrlMatch& u : urls.urls) {
      std::fill(owned_.begin() + u.begin, owned_.begin() + u.end, ' ');
    }
    for (const TextRange& e : urls.emails) {
      std::fill(owned_.begin() + e.begin, owned_.begin() + e.end, ' ');
    }
    text_ = owned_;
  }
  // ASCII text is NFC as it is (most SMS): no ICU call.
  ascii_ = base::IsAscii(text_);
  if (ascii_) {
    ReplaceTextSpeak();
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    ReplaceTextSpeak();
    return;
  }
  const icu::StringPiece piece(text_.data(), static_cast<int32_t>(text_.size()));
  // isNormalizedUTF8 is a fast scan; ill-formed UTF-8 fails it, and then we
  // keep the text as it is (body/invalid-utf8 reports it).
  if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) {
    ReplaceTextSpeak();
    return;
  }
  status = U_ZERO_ERROR;
  auto edits = std::make_unique<Edits>();
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, &edits->edits, status);
  if (U_FAILURE(status)) {
    ReplaceTextSpeak();
    return;
  }
  owned_ = std::move(out);
  text_ = owned_;
  ascii_ = base::IsAscii(text_);
  edits_ = std::move(edits);
  ReplaceTextSpeak();
}

namespace {

// One table load per byte in the scan below (it runs over every body).
constexpr std::array<bool, 256> AlnumTable() {
  std::array<bool, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = true;
  return t;
}
constexpr std::array<bool, 256> kAlnum = AlnumTable();
bool IsAsciiAlnum(char ch) { return kAlnum[static_cast<unsigned char>(ch)]; }
bool IsAsciiLetter(char ch) { return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'; }

// Bit c of kFirstChars[n] is set when some text-speak token of n
// characters starts with character c (a-z as 0-25, 0-9 as 26-35): most
// tokens of a body are rejected without a string comparison.
constexpr size_t kMaxToken = 8;
constexpr int CharIndex(char ch) {
  return ch >= '0' && ch <= '9' ? 26 + (ch - '0') : (ch | 0x20) - 'a';
}
constexpr std::array<uint64_t, kMaxToken + 1> FirstChars() {
  std::array<uint64_t, kMaxToken + 1> bits{};
  for (const TextSpeakEntry& e : kTextSpeak) {
    if (e.token.size() <= kMaxToken) bits[e.token.size()] |= uint64_t{1} << CharIndex(e.token[0]);
  }
  return bits;
}
constexpr std::array<uint64_t, kMaxToken + 1> kFirstChars = FirstChars();

// The text-speak entry for `token` (ASCII letters and digits,
// case-insensitive), or null.
const TextSpeakEntry* Lookup(std::string_view token) {
  if (token.size() > kMaxToken ||
      !(kFirstChars[token.size()] >> CharIndex(token[0]) & 1)) {
    return nullptr;
  }
  char lower[kMaxToken];
  for (size_t i = 0; i < token.size(); ++i) lower[i] = static_cast<char>(token[i] | 0x20);
  const std::string_view key(lower, token.size());
  const auto it = std::lower_bound(kTextSpeak.begin(), kTextSpeak.end(), key,
                                   [](const TextSpeakEntry& e, std::string_view k) {
                                     return e.token < k;
                                   });
  return it != kTextSpeak.end() && it->token == key ? &*it : nullptr;
}

// A word of letters ends before `end` (across one or two spaces) and is
// not one that takes a number ("up to 4", "for 2").
bool LetterWordBefore(std::string_view t, size_t end) {
  size_t i = end;
  size_t gap = 0;
  while (i > 0 && t[i - 1] == ' ' && gap < 2) --i, ++gap;
  if (gap == 0 || i == 0 || !IsAsciiLetter(t[i - 1])) return false;
  size_t b = i;
  while (b > 0 && IsAsciiLetter(t[b - 1])) --b;
  if (i - b > 8) return true;
  char lower[8];
  for (size_t k = b; k < i; ++k) lower[k - b] = static_cast<char>(t[k] | 0x20);
  const std::string_view word(lower, i - b);
  return !std::binary_search(kTextSpeakNotAfter.begin(), kTextSpeakNotAfter.end(), word);
}
bool LetterWordAfter(std::string_view t, size_t begin) {
  size_t i = begin;
  size_t gap = 0;
  while (i < t.size() && t[i] == ' ' && gap < 2) ++i, ++gap;
  return gap > 0 && i < t.size() && IsAsciiLetter(t[i]);
}

}  // namespace

void LexicalView::ReplaceTextSpeak() {
  const std::string_view t = text_;
  size_t copied = 0;  // text_ bytes already in words_
  size_t i = 0;
  while (i < t.size()) {
    if (!IsAsciiAlnum(t[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && IsAsciiAlnum(t[j])) ++j;
    // A token glued to a non-ASCII letter is part of a longer word.
    const bool glued = (i > 0 && static_cast<unsigned char>(t[i - 1]) >= 0x80) ||
                       (j < t.size() && static_cast<unsigned char>(t[j]) >= 0x80);
    const std::string_view token = t.substr(i, j - i);
    const TextSpeakEntry* e = glued ? nullptr : Lookup(token);
    if (e != nullptr) {
      bool upper = true, lower = true;
      for (char ch : token) {
        if (ch >= 'A' && ch <= 'Z') lower = false;
        if (ch >= 'a' && ch <= 'z') upper = false;
      }
      if ((e->lower_only && !lower) ||
          (e->between_words && !(LetterWordBefore(t, i) && LetterWordAfter(t, j)))) {
        e = nullptr;
      }
      if (e != nullptr) {
        if (replaced_.empty()) words_.reserve(t.size() + 16);
        words_.append(t.substr(copied, i - copied));
        const size_t at = words_.size();
        for (char ch : e->word) {
          words_.push_back(upper && !lower && ch >= 'a' && ch <= 'z'
                               ? static_cast<char>(ch - 32) : ch);
        }
        replaced_.push_back({at, e->word.size(), i, token.size()});
        copied = j;
      }
    }
    i = j;
  }
  if (!replaced_.empty()) words_.append(t.substr(copied));
}

size_t LexicalView::WordsToText(size_t offset) const {
  if (replaced_.empty()) return offset;
  // The last replacement that starts at or before `offset`.
  const auto it = std::upper_bound(
      replaced_.begin(), replaced_.end(), offset,
      [](size_t o, const Replacement& r) { return o < r.words_begin; });
  if (it == replaced_.begin()) return offset;
  const Replacement& r = *(it - 1);
  if (offset < r.words_begin + r.words_len) {
    // Inside a replaced word: its start, or the token's end for its end.
    return offset == r.words_begin ? r.text_begin : r.text_begin + r.text_len;
  }
  return r.text_begin + r.text_len + (offset - r.words_begin - r.words_len);
}

LexicalView::~LexicalView() = default;

size_t LexicalView::ToBody(size_t offset) const {
  if (!edits_) return offset;
  UErrorCode status = U_ZERO_ERROR;
  icu::Edits::Iterator it = edits_->edits.getFineIterator();
  const int32_t source =
      it.sourceIndexFromDestinationIndex(static_cast<int32_t>(offset), status);
  return U_FAILURE(status) ? offset : static_cast<size_t>(source);
}

}  // namespace smslint::internal
