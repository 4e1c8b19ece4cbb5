// The content lexicons as generated tables (tools/gen_content_tables.py from
// data/content/lexicons/*.toml). No rule's words live in C++: the engines in
// this folder only know roles ("instruction", "hit", ...), the data says
// which phrases play them.
#ifndef SMSLINT_SRC_CONTENT_LEXICON_H_
#define SMSLINT_SRC_CONTENT_LEXICON_H_

#include <array>
#include <string_view>

#include "gen/rule_ids.h"

namespace smslint::internal {

struct LexiconFile {
  std::string_view name;
  std::string_view version;
};

struct LexiconPattern {
  std::string_view rule;    // rule id the pattern serves
  RuleId rule_id;           // the same rule, as its constant
  std::string_view role;    // what it means to the rule's engine
  std::string_view regex;   // RE2, flags and whole-word wrapping applied
  std::string_view unless;  // RE2; an occurrence inside its match is void
  bool scan;                // run over the body (else: a check on a capture)
  // Wrapped in the whole-word boundaries (?:^|[^\pL\pN_])(...)(?:[^\pL\pN_]|$):
  // the phrase is the match less one boundary character on each side that
  // is not the text's start or end.
  bool wrapped;
  std::string_view file;
  // regex and unless with every Unicode property class cut to its ASCII
  // members (plus all non-ASCII characters where not negated): the same
  // matches on ASCII text, a superset on other text; cheap to compile
  // (tools/gen_content_tables.py, ascii_form).
  std::string_view ascii_regex;
  std::string_view ascii_unless;
  // Scanned in a pass of its own rather than inside the shared RE2::Set:
  // its open-ended repetition would multiply the Set's DFA states (which
  // RE2 builds as text arrives: that pattern alone made the Set ~3x slower
  // on realistic bodies; issue 15).
  bool own_pass;
};

struct LeetEntry {
  std::string_view from;  // one ASCII character
  std::string_view to;    // the letter it stands for
};

struct TextSpeakEntry {
  std::string_view token;  // lower-case ASCII letters and digits
  std::string_view word;   // what it stands for
  bool lower_only;         // counts only when written in lower case
  bool between_words;      // counts only with a letter word on each side
};

struct CodePointRange {
  char32_t first;
  char32_t last;
};

#include "gen/content_lexicons.inc"

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_LEXICON_H_
