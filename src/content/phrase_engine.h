// Runs every lexicon pattern of data/content/lexicons/ over a text in one
// pass: the scanning patterns form one RE2::Set (a single DFA walk tells
// which patterns occur), and only the patterns that occurred are run again
// on their own to find where. Each pattern has an ASCII form (its Unicode
// classes cut to ASCII; exact on ASCII text, cheap to compile): ASCII text
// runs only those; other text runs the patterns as written, with the Set of
// ASCII forms as a prefilter. Patterns with scan = false are checks the
// rule engines apply to a captured piece ("is this token a standard
// opt-out keyword?").
#ifndef SMSLINT_SRC_CONTENT_PHRASE_ENGINE_H_
#define SMSLINT_SRC_CONTENT_PHRASE_ENGINE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace smslint::internal {

struct PhraseMatch {
  size_t begin = 0, end = 0;  // the phrase: capture group 1, else the match
  // Named captures (kw, purpose, name, name2); empty views when absent.
  std::string_view kw, purpose, name;
};

class PhraseEngine {
 public:
  PhraseEngine();
  ~PhraseEngine();
  PhraseEngine(const PhraseEngine&) = delete;
  PhraseEngine& operator=(const PhraseEngine&) = delete;

  // "" when the scanning set compiled; else the first error.
  const std::string& error() const { return error_; }
  // Compiles every pattern now (they compile on first use otherwise) and
  // returns the first error, or "". For tests.
  std::string CompileAll() const;

  // The one engine of the process: the lexicons are data compiled into the
  // library, the same for every Linter, so they are compiled once.
  static const PhraseEngine& Get();

  // The indexes (into kLexiconPatterns) of the scanning patterns that occur
  // in `text`, ascending.
  std::vector<int> Scan(std::string_view text) const;

  // Every occurrence of pattern `index` in `text` that no `unless` pattern
  // covers, left to right, non-overlapping.
  std::vector<PhraseMatch> FindAll(int index, std::string_view text) const;
  // Appends where each match of pattern `index` starts (the whole match,
  // with its boundary character), unless-covered ones included: one DFA
  // pass per match, no captures.
  void MatchStarts(int index, std::string_view text, std::vector<size_t>* out) const;
  // Whether a match of pattern `index` (unless-covered or not) starts at
  // `pos` of `text`: one anchored DFA pass that stops when it can.
  bool MatchesAt(int index, std::string_view text, size_t pos) const;
  bool HasUnless(int index) const;

  // Only the first of them (cheaper: stops there).
  std::optional<PhraseMatch> FindFirst(int index, std::string_view text) const;

  // True when some check pattern (scan = false) of (rule, role) matches
  // `piece` (RE2 partial match: the data anchors what it needs).
  bool Check(std::string_view rule, std::string_view role,
             std::string_view piece) const;

  // The indexes of the patterns of (rule, role), ascending.
  const std::vector<int>& Patterns(std::string_view rule,
                                   std::string_view role) const;

 private:
  struct Compiled;
  struct Lazy;
  // form 0: the pattern as written; 1: its ASCII form (LexiconPattern).
  const re2::RE2& Regex(int index, int form) const;
  const re2::RE2* Unless(int index, int form) const;
  // Whether pattern `index` (as written) occurs in non-ASCII `text`.
  bool Occurs(int index, std::string_view text) const;
  // Into `all`, or only the first into `first` (then `all` is null).
  void Find(int index, std::string_view text, std::vector<PhraseMatch>* all,
            std::optional<PhraseMatch>* first) const;
  std::string error_;
  std::unique_ptr<Compiled> c_;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_PHRASE_ENGINE_H_
