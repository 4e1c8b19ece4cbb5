// Regular expressions over ASCII digits, for the fast number path
// (fast_phone.h): libphonenumber's metadata patterns, matched without ICU,
// without RE2 and without locks.
//
// The metadata uses a small regex subset: digits, \d, [classes], (groups),
// (?:groups), |, greedy ?, {n}, {n,m} and, in national-prefix-for-parsing
// patterns only, $. Parse() accepts exactly that subset and rejects
// everything else (*, +, lazy quantifiers, ., anchors but $, escapes but
// \d), so the caller can route such metadata to libphonenumber.
//
// Two matchers:
//   - DigitProgram: a backtracking matcher with ICU's (Perl's) priorities,
//     for the patterns whose match end and capture groups matter (the
//     international prefix, the national prefix for parsing). ICU is itself
//     a backtracking engine, so the same priorities give the same groups.
//   - DigitDfa: many patterns compiled into one deterministic automaton;
//     one pass over the digits says which patterns match the whole input
//     and which match some prefix of it. Used for the number-type patterns
//     and leading digits, where only the yes/no answer matters.
#ifndef SMSLINT_SRC_NUMBERS_DIGIT_PATTERN_H_
#define SMSLINT_SRC_NUMBERS_DIGIT_PATTERN_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace smslint::internal {

// A parsed pattern (an immutable syntax tree).
class DigitPattern {
 public:
  // nullptr when the pattern uses syntax outside the subset above.
  static std::unique_ptr<DigitPattern> Parse(std::string_view pattern);

  int group_count() const { return groups_; }
  bool has_end_anchor() const { return has_end_; }

  struct Node {
    enum Kind { kClass, kConcat, kAlt, kRepeat, kGroup, kEnd };
    Kind kind = kClass;
    uint16_t digits = 0;    // kClass: bit d set when digit d matches
    int min = 0, max = 0;   // kRepeat: {min,max}, both bounded
    int group = 0;          // kGroup: 1-based; 0 for (?:...)
    std::vector<int> kids;  // indexes into nodes()
  };
  const std::vector<Node>& nodes() const { return nodes_; }
  int root() const { return root_; }

 private:
  friend class PatternParser;
  std::vector<Node> nodes_;
  int root_ = -1;
  int groups_ = 0;
  bool has_end_ = false;
};

// Backtracking matcher, anchored at the start of the text (ICU's
// lookingAt(), libphonenumber's Consume()).
class DigitProgram {
 public:
  static constexpr int kMaxGroups = 4;

  DigitProgram() = default;
  explicit DigitProgram(const DigitPattern& pattern);

  struct Match {
    size_t end = 0;
    // [begin, end) of each group; begin < 0 when it did not take part.
    int group_begin[kMaxGroups + 1] = {};
    int group_end[kMaxGroups + 1] = {};
    std::string_view Group(std::string_view text, int g) const {
      if (group_begin[g] < 0 || group_end[g] < group_begin[g]) return {};
      return text.substr(group_begin[g], group_end[g] - group_begin[g]);
    }
  };

  // The first match in priority order that starts at text[0], if any.
  bool LookingAt(std::string_view text, Match* match) const;
  bool empty() const { return code_.empty(); }

 private:
  struct Inst {
    enum Op : uint8_t { kClass, kSplit, kJump, kSave, kEnd, kMatch };
    Op op = kMatch;
    uint16_t digits = 0;
    int x = 0, y = 0;  // kSplit: try x first, then y; kJump: x; kSave: slot
  };
  static Inst Op(Inst::Op op, uint16_t digits = 0, int x = 0);
  bool Run(int pc, size_t sp, std::string_view text, int* slots,
           size_t* end) const;
  void Emit(const DigitPattern& p, int node);
  std::vector<Inst> code_;
};

// Many patterns in one deterministic automaton over the digits 0-9. Each
// pattern owns one bit of a 32-bit mask.
class DigitDfa {
 public:
  class Builder {
   public:
    // false when the pattern cannot go into a DFA (it uses $).
    bool Add(const DigitPattern& pattern, int bit);
    // The automaton; `max_states` guards against a blow-up (then nullptr).
    std::unique_ptr<const DigitDfa> Build(size_t max_states = 1 << 16) const;

   private:
    struct NState {
      uint16_t digits = 0;  // a digit transition to `next` on these digits
      int next = -1;
      std::vector<int> eps;
      uint32_t accept = 0;
    };
    struct Frag {
      int start, end;
    };
    int NewState();
    Frag Compile(const DigitPattern& p, int node);
    std::vector<NState> states_;
    std::vector<int> starts_;
  };

  struct Result {
    uint32_t full = 0;    // patterns that match all of the digits
    uint32_t prefix = 0;  // patterns that match some prefix (maybe empty)
  };
  // `digits` must hold only '0'-'9'.
  Result Scan(std::string_view digits) const {
    uint32_t s = 1;  // 0 is the dead state, 1 the start
    uint32_t prefix = accept_[1];
    for (const char c : digits) {
      s = next_[s * 10 + static_cast<unsigned>(c - '0')];
      if (s == 0) return {0, prefix};
      prefix |= accept_[s];
    }
    return {accept_[s], prefix};
  }
  size_t state_count() const { return accept_.size(); }

 private:
  std::vector<uint32_t> next_;    // state * 10 + digit -> state
  std::vector<uint32_t> accept_;  // state -> mask of accepting patterns
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_NUMBERS_DIGIT_PATTERN_H_
