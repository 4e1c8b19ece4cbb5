#include "content/phrase_engine.h"

#include <absl/container/flat_hash_map.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>

#include "base/ascii.h"
#include "base/once.h"
#include "base/utf8.h"
#include "content/lexicon.h"

namespace smslint::internal {

struct PhraseEngine::Lazy {
  base::OnceFlag once;
  std::unique_ptr<re2::RE2> re;
};

struct PhraseEngine::Compiled {
  // Per pattern, in its two forms (LexiconPattern): [0] the pattern as
  // written, [1] its ASCII form.
  std::unique_ptr<Lazy[]> regex[2];
  std::unique_ptr<Lazy[]> unless[2];  // (empty when it has none)
  std::vector<int> set_to_pattern;    // Set index -> pattern
  std::vector<int> own_pass;          // scanned patterns outside the Set
  // On ASCII text, the own-pass patterns (ASCII forms) that can match at
  // all: RE2's prefilter names the literals ("atoms", lower case) each
  // needs, and a pattern whose atoms are absent is not run ("\s+here", a
  // signature's dash, a label's colon).
  // Null when it could not be built (then every one runs).
  std::unique_ptr<re2::FilteredRE2> own_filter;
  std::vector<std::string> own_atoms;
  std::unique_ptr<re2::RE2::Set> set;
  // (rule, role) -> pattern indexes, so the engines look up without
  // scanning the table.
  struct KeyHash {
    // Cheap: rule ids differ in their tails ("content/<name>"), roles in
    // their heads; equality settles collisions. Called a few dozen times
    // per message, so a full string hash showed in profiles.
    size_t operator()(const std::pair<std::string_view, std::string_view>& k) const {
      // The last 8 bytes of the rule and the first 8 of the role, each
      // read in one load (fewer bytes when shorter), with the lengths.
      uint64_t rule_tail = 0, role_head = 0;
      const size_t rn = std::min<size_t>(k.first.size(), 8);
      const size_t on = std::min<size_t>(k.second.size(), 8);
      if (rn > 0) std::memcpy(&rule_tail, k.first.data() + k.first.size() - rn, rn);
      if (on > 0) std::memcpy(&role_head, k.second.data(), on);
      uint64_t h = (rule_tail ^ (k.first.size() << 56)) * 0x9E3779B97F4A7C15u;
      h ^= (role_head + k.second.size()) * 0xC2B2AE3D27D4EB4Fu;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  // Abseil's open-addressing map: looked up a few dozen times per message
  // (std::unordered_map's node chasing was ~7 % of content scoring).
  absl::flat_hash_map<std::pair<std::string_view, std::string_view>, std::vector<int>, KeyHash>
      by_role;
};

namespace {

re2::RE2::Options PatternOptions() {
  re2::RE2::Options o;
  o.set_encoding(re2::RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  return o;
}

// The form of the patterns to run on `text`: the ASCII form gives the same
// matches on ASCII text (most SMS) and compiles ~100x faster.
int FormFor(std::string_view text) { return base::IsAscii(text) ? 1 : 0; }

// Whether ASCII `text`, lower-cased, contains `atom` (lower case, two
// bytes or more): a test of the first byte before the rest.
bool ContainsLowered(std::string_view text, std::string_view atom) {
  for (size_t i = 0; i + atom.size() <= text.size(); ++i) {
    if (base::ToLowerAscii(text[i]) != atom[0]) continue;
    size_t k = 1;
    while (k < atom.size() && base::ToLowerAscii(text[i + k]) == atom[k]) ++k;
    if (k == atom.size()) return true;
  }
  return false;
}

}  // namespace

PhraseEngine::PhraseEngine() : c_(std::make_unique<Compiled>()) {
  re2::RE2::Options set_options = PatternOptions();
  // One DFA for a few hundred patterns: give it room, so a long body does
  // not make RE2 fall back (Set::Match fails when the DFA runs out).
  set_options.set_max_mem(64 << 20);
  c_->set = std::make_unique<re2::RE2::Set>(set_options, re2::RE2::UNANCHORED);
  const size_t n = kLexiconPatterns.size();
  for (int form : {0, 1}) {
    c_->regex[form] = std::make_unique<Lazy[]>(n);
    c_->unless[form] = std::make_unique<Lazy[]>(n);
  }
  for (size_t i = 0; i < n; ++i) {
    const LexiconPattern& p = kLexiconPatterns[i];
    c_->by_role[{p.rule, p.role}].push_back(static_cast<int>(i));
    if (p.scan && p.own_pass) {
      c_->own_pass.push_back(static_cast<int>(i));
    } else if (p.scan) {
      std::string err;
      // The Set holds the ASCII forms: exact on ASCII text, a superset on
      // other text, where Scan confirms each hit with the pattern itself.
      if (c_->set->Add(p.ascii_regex, &err) < 0 && error_.empty()) {
        error_ = std::string(p.file) + ": " + std::string(p.rule) + ": " + err;
      }
      c_->set_to_pattern.push_back(static_cast<int>(i));
    }
  }
  if (error_.empty() && !c_->set->Compile()) {
    error_ = "the lexicon pattern set does not compile";
  }
  if (!c_->own_pass.empty()) {
    // Every atom, down to single characters ("-" for a signature, ":" for
    // a label): Scan tells which bytes a text has in one pass first.
    auto filter = std::make_unique<re2::FilteredRE2>(1);
    bool ok = true;
    for (size_t k = 0; k < c_->own_pass.size() && ok; ++k) {
      int id = -1;
      ok = filter->Add(kLexiconPatterns[c_->own_pass[k]].ascii_regex, PatternOptions(), &id) ==
               re2::RE2::NoError &&
           id == static_cast<int>(k);
    }
    if (ok) {
      filter->Compile(&c_->own_atoms);
      c_->own_filter = std::move(filter);
    }
  }
}

std::string PhraseEngine::CompileAll() const {
  for (size_t i = 0; i < kLexiconPatterns.size(); ++i) {
    const LexiconPattern& p = kLexiconPatterns[i];
    for (int form : {0, 1}) {
      const std::string which = form == 1 ? " (ASCII form)" : "";
      if (!Regex(static_cast<int>(i), form).ok()) {
        return std::string(p.file) + ": " + std::string(p.rule) + which + ": " +
               Regex(static_cast<int>(i), form).error();
      }
      if (const re2::RE2* u = Unless(static_cast<int>(i), form); u != nullptr && !u->ok()) {
        return std::string(p.file) + ": " + std::string(p.rule) + which + " (unless): " +
               u->error();
      }
    }
  }
  return error_;
}

// Compiled on first use: a Linter is built in milliseconds, and most
// patterns are only ever needed inside the Set (a pattern is compiled on
// its own only when it occurs in some body, to find where).
const re2::RE2& PhraseEngine::Regex(int index, int form) const {
  Lazy& l = c_->regex[form][index];
  l.once.Call([&] {
    const LexiconPattern& p = kLexiconPatterns[index];
    l.re = std::make_unique<re2::RE2>(form == 1 ? p.ascii_regex : p.regex, PatternOptions());
  });
  return *l.re;
}

const re2::RE2* PhraseEngine::Unless(int index, int form) const {
  const LexiconPattern& p = kLexiconPatterns[index];
  if (p.unless.empty()) return nullptr;
  Lazy& l = c_->unless[form][index];
  l.once.Call([&] {
    l.re = std::make_unique<re2::RE2>(form == 1 ? p.ascii_unless : p.unless, PatternOptions());
  });
  return l.re.get();
}

PhraseEngine::~PhraseEngine() = default;

const PhraseEngine& PhraseEngine::Get() {
  static const PhraseEngine* const engine = new PhraseEngine();  // never freed
  return *engine;
}

std::vector<int> PhraseEngine::Scan(std::string_view text) const {
  std::vector<int> out;
  if (!error_.empty()) return out;
  const int form = FormFor(text);
  std::vector<int> hits;
  re2::RE2::Set::ErrorInfo info;
  if (c_->set->Match(text, &hits, &info)) {
    for (int h : hits) {
      const int i = c_->set_to_pattern[h];
      // Non-ASCII text: the Set's ASCII forms may over-match.
      if (form == 1 || Occurs(i, text)) out.push_back(i);
    }
  } else if (info.kind != re2::RE2::Set::kNoError) {
    // The DFA ran out of memory (a pathological body): run each pattern on
    // its own, slower but exact.
    for (int i : c_->set_to_pattern) {
      if (form == 1 ? re2::RE2::PartialMatch(text, Regex(i, form)) : Occurs(i, text)) {
        out.push_back(i);
      }
    }
  }
  if (form == 1 && c_->own_filter != nullptr) {
    // ASCII text: its lower-casing is ASCII's, as the atoms assume. The
    // bytes it has (lower-cased) settle most atoms without a search.
    uint64_t low = 0, high = 0;  // bit b: byte b (below 64 / from 64) occurs
    for (const char ch : text) {
      const auto b = static_cast<unsigned char>(base::ToLowerAscii(ch));
      const uint64_t bit = uint64_t{1} << (b & 63);
      low |= b < 64 ? bit : 0;
      high |= b < 64 ? 0 : bit;
    }
    std::vector<int> atoms, run;
    for (size_t a = 0; a < c_->own_atoms.size(); ++a) {
      const std::string& atom = c_->own_atoms[a];
      const bool bytes = std::all_of(atom.begin(), atom.end(), [&](char ch) {
        const auto b = static_cast<unsigned char>(ch);
        return b < 128 && ((b < 64 ? low : high) >> (b & 63) & 1) != 0;
      });
      if (bytes && (atom.size() <= 1 || ContainsLowered(text, atom))) {
        atoms.push_back(static_cast<int>(a));
      }
    }
    c_->own_filter->AllPotentials(atoms, &run);
    for (int k : run) {
      const int i = c_->own_pass[k];
      if (re2::RE2::PartialMatch(text, Regex(i, form))) out.push_back(i);
    }
  } else {
    for (int i : c_->own_pass) {
      if (form == 1 ? re2::RE2::PartialMatch(text, Regex(i, form)) : Occurs(i, text)) {
        out.push_back(i);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The ASCII form first (a small program; the pattern as written is a large
// Unicode one, slow to compile and to run on new text): no match there, no
// match at all (it is a superset); a match whose every byte is ASCII is one
// of the pattern as written too (on ASCII characters the two forms have the
// same classes, and anchors and RE2's ASCII \b read the same positions).
// Only a match that takes non-ASCII characters needs the pattern itself.
bool PhraseEngine::Occurs(int index, std::string_view text) const {
  const re2::RE2& ascii = Regex(index, 1);
  if (ascii.ok()) {
    re2::StringPiece m;
    if (!ascii.Match(text, 0, text.size(), re2::RE2::UNANCHORED, &m, 1)) return false;
    if (base::IsAscii(std::string_view(m.data(), m.size()))) return true;
  }
  return re2::RE2::PartialMatch(text, Regex(index, 0));
}

std::vector<PhraseMatch> PhraseEngine::FindAll(int index,
                                               std::string_view text) const {
  std::vector<PhraseMatch> out;
  Find(index, text, &out, nullptr);
  return out;
}

std::optional<PhraseMatch> PhraseEngine::FindFirst(int index,
                                                   std::string_view text) const {
  std::optional<PhraseMatch> first;
  Find(index, text, nullptr, &first);
  return first;
}

void PhraseEngine::MatchStarts(int index, std::string_view text,
                               std::vector<size_t>* out) const {
  const re2::RE2& re = Regex(index, FormFor(text));
  re2::StringPiece m;
  size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(text, pos, text.size(), re2::RE2::UNANCHORED, &m, 1)) {
    const size_t b = m.data() - text.data();
    out->push_back(b);
    pos = b + 1;
  }
}

bool PhraseEngine::MatchesAt(int index, std::string_view text, size_t pos) const {
  return pos <= text.size() && Regex(index, FormFor(text))
                                   .Match(text, pos, text.size(), re2::RE2::ANCHOR_START,
                                          nullptr, 0);
}

bool PhraseEngine::HasUnless(int index) const {
  return !kLexiconPatterns[index].unless.empty();
}

void PhraseEngine::Find(int index, std::string_view text, std::vector<PhraseMatch>* all,
                        std::optional<PhraseMatch>* first) const {
  const int form = FormFor(text);
  const re2::RE2& re = Regex(index, form);
  if (!re.ok()) return;
  const auto& names = re.NamedCapturingGroups();
  // Captures cost RE2 a second, slower pass (BitState or NFA over a large
  // Unicode program); without named groups the whole-word phrase is the
  // match less its boundary characters, which the DFA alone finds.
  const bool wrapped = kLexiconPatterns[index].wrapped && names.empty();
  const int ngroups = wrapped ? 0 : re.NumberOfCapturingGroups();
  // Most patterns have a few groups: no allocation for them.
  constexpr int kInline = 8;
  re2::StringPiece inline_groups[kInline];
  std::vector<re2::StringPiece> more;
  if (ngroups + 1 > kInline) more.resize(ngroups + 1);
  re2::StringPiece* const groups = ngroups + 1 > kInline ? more.data() : inline_groups;
  auto group_of = [&](const char* name) -> int {
    auto it = names.find(name);
    return it == names.end() ? -1 : it->second;
  };
  const int kw = group_of("kw"), purpose = group_of("purpose");
  const int name = group_of("name"), name2 = group_of("name2");
  // Spans of `unless` matches, found once.
  std::vector<std::pair<size_t, size_t>> voids;
  if (const re2::RE2* u = Unless(index, form); u != nullptr && u->ok()) {
    re2::StringPiece m;
    size_t pos = 0;
    while (pos <= text.size() &&
           u->Match(text, pos, text.size(), re2::RE2::UNANCHORED, &m, 1)) {
      const size_t b = m.data() - text.data();
      voids.emplace_back(b, b + m.size());
      pos = m.empty() ? b + 1 : b + m.size();
    }
  }
  auto view = [&](int g) -> std::string_view {
    if (g < 0 || groups[g].data() == nullptr) return {};
    return std::string_view(groups[g].data(), groups[g].size());
  };
  size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(text, pos, text.size(), re2::RE2::UNANCHORED, groups, ngroups + 1)) {
    const re2::StringPiece whole = groups[0];
    const size_t whole_begin = whole.data() - text.data();
    const size_t whole_end = whole_begin + whole.size();
    PhraseMatch m;
    if (wrapped && whole_begin > 0 && whole_end < text.size()) {
      // Inside the text both boundaries consumed one character each (at
      // the text's edges RE2 may still have taken a character rather than
      // ^ or $: those few matches take the capture pass below).
      m.begin = whole_begin + base::Utf8SequenceLength(static_cast<uint8_t>(text[whole_begin]));
      size_t last = whole_end - 1;  // back to the start of the last code point
      while (last > m.begin && base::IsUtf8Continuation(static_cast<uint8_t>(text[last]))) {
        --last;
      }
      m.end = std::max(m.begin, last);
    } else if (wrapped) {
      re2::StringPiece g[2];
      re.Match(text, whole_begin, text.size(), re2::RE2::UNANCHORED, g, 2);
      const re2::StringPiece phrase = g[1].data() != nullptr ? g[1] : whole;
      m.begin = phrase.data() - text.data();
      m.end = m.begin + phrase.size();
    } else {
      const re2::StringPiece phrase =
          ngroups >= 1 && groups[1].data() != nullptr ? groups[1] : whole;
      m.begin = phrase.data() - text.data();
      m.end = m.begin + phrase.size();
      m.kw = view(kw);
      m.purpose = view(purpose);
      m.name = view(name);
      if (m.name.empty()) m.name = view(name2);
    }
    const bool voided = std::any_of(voids.begin(), voids.end(), [&](auto v) {
      return v.first <= m.begin && m.end <= v.second;
    });
    if (!voided) {
      if (all == nullptr) {
        *first = m;
        return;
      }
      all->push_back(m);
    }
    // Continue after the phrase, not after the boundary character the
    // pattern consumed, so "STOP STOP" finds both.
    pos = std::max(m.end, whole_begin + 1);
    if (m.end == m.begin) pos = std::max(pos, m.end + 1);
  }
}

bool PhraseEngine::Check(std::string_view rule, std::string_view role,
                         std::string_view piece) const {
  const int form = FormFor(piece);
  for (int i : Patterns(rule, role)) {
    if (kLexiconPatterns[i].scan || !Regex(i, form).ok()) continue;
    if (re2::RE2::PartialMatch(piece, Regex(i, form))) return true;
  }
  return false;
}

const std::vector<int>& PhraseEngine::Patterns(std::string_view rule,
                                               std::string_view role) const {
  static const std::vector<int> kNone;
  const auto it = c_->by_role.find({rule, role});
  return it == c_->by_role.end() ? kNone : it->second;
}

}  // namespace smslint::internal
