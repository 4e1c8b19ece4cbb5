#include "numbers/digit_pattern.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <utility>

namespace smslint::internal {

namespace {

constexpr uint16_t kAllDigits = 0x3FF;
// A {n,m} bound above this is not phone metadata: refuse rather than expand.
constexpr int kMaxRepeat = 32;

}  // namespace

// Recursive descent over the subset in digit_pattern.h.
class PatternParser {
 public:
  explicit PatternParser(std::string_view s) : s_(s) {}

  std::unique_ptr<DigitPattern> Run() {
    auto p = std::make_unique<DigitPattern>();
    p_ = p.get();
    const int root = Alt();
    if (!ok_ || pos_ != s_.size()) return nullptr;
    p->root_ = root;
    return p;
  }

 private:
  using Node = DigitPattern::Node;

  static Node New(Node::Kind kind) {
    Node n;
    n.kind = kind;
    return n;
  }
  int Add(Node n) {
    p_->nodes_.push_back(std::move(n));
    return static_cast<int>(p_->nodes_.size()) - 1;
  }
  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[pos_]; }
  int Fail() {
    ok_ = false;
    pos_ = s_.size();
    return -1;
  }

  int Alt() {
    Node alt = New(Node::kAlt);
    alt.kids.push_back(Concat());
    while (ok_ && Peek() == '|') {
      ++pos_;
      alt.kids.push_back(Concat());
    }
    if (alt.kids.size() == 1) return alt.kids[0];
    return Add(std::move(alt));
  }

  int Concat() {
    Node cat = New(Node::kConcat);
    while (ok_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      cat.kids.push_back(Repeat());
    }
    if (cat.kids.size() == 1) return cat.kids[0];
    return Add(std::move(cat));
  }

  bool Number(int* out) {
    if (AtEnd() || Peek() < '0' || Peek() > '9') return false;
    int v = 0;
    while (!AtEnd() && Peek() >= '0' && Peek() <= '9') {
      v = v * 10 + (s_[pos_++] - '0');
      if (v > kMaxRepeat) return false;
    }
    *out = v;
    return true;
  }

  int Repeat() {
    const int atom = Atom();
    if (!ok_) return -1;
    Node rep = New(Node::kRepeat);
    if (Peek() == '?') {
      ++pos_;
      rep.min = 0;
      rep.max = 1;
    } else if (Peek() == '{') {
      ++pos_;
      if (!Number(&rep.min)) return Fail();
      rep.max = rep.min;
      if (Peek() == ',') {
        ++pos_;
        if (!Number(&rep.max) || rep.max < rep.min) return Fail();
      }
      if (Peek() != '}') return Fail();
      ++pos_;
    } else {
      return atom;
    }
    // A second quantifier (lazy "??", "{2}?", or "a{2}{3}") is not in the
    // metadata; refusing it keeps the priorities simple.
    if (Peek() == '?' || Peek() == '{' || Peek() == '*' || Peek() == '+') {
      return Fail();
    }
    if (p_->nodes_[atom].kind == Node::kEnd) return Fail();
    rep.kids.push_back(atom);
    return Add(std::move(rep));
  }

  int Atom() {
    const char c = Peek();
    if (c >= '0' && c <= '9') {
      ++pos_;
      Node n = New(Node::kClass);
      n.digits = static_cast<uint16_t>(1u << (c - '0'));
      return Add(std::move(n));
    }
    if (c == '\\') {
      ++pos_;
      if (Peek() != 'd') return Fail();
      ++pos_;
      Node n = New(Node::kClass);
      n.digits = kAllDigits;
      return Add(std::move(n));
    }
    if (c == '[') return Class();
    if (c == '$') {
      ++pos_;
      p_->has_end_ = true;
      return Add(New(Node::kEnd));
    }
    if (c == '(') {
      ++pos_;
      Node g = New(Node::kGroup);
      if (Peek() == '?') {
        if (pos_ + 1 >= s_.size() || s_[pos_ + 1] != ':') return Fail();
        pos_ += 2;
      } else {
        g.group = ++p_->groups_;
      }
      g.kids.push_back(Alt());
      if (!ok_ || Peek() != ')') return Fail();
      ++pos_;
      return Add(std::move(g));
    }
    return Fail();  // *, +, ., ^, letters, ...
  }

  int Class() {
    ++pos_;  // '['
    Node n = New(Node::kClass);
    if (Peek() == '^') return Fail();
    while (!AtEnd() && Peek() != ']') {
      const char c = s_[pos_];
      if (c == '\\') {
        if (pos_ + 1 >= s_.size() || s_[pos_ + 1] != 'd') return Fail();
        pos_ += 2;
        n.digits |= kAllDigits;
        continue;
      }
      if (c < '0' || c > '9') return Fail();
      ++pos_;
      char hi = c;
      if (Peek() == '-' && pos_ + 1 < s_.size() && s_[pos_ + 1] != ']') {
        hi = s_[pos_ + 1];
        if (hi < c || hi > '9') return Fail();
        pos_ += 2;
      }
      for (char d = c; d <= hi; ++d) n.digits |= 1u << (d - '0');
    }
    if (AtEnd() || n.digits == 0) return Fail();
    ++pos_;  // ']'
    return Add(std::move(n));
  }

  std::string_view s_;
  size_t pos_ = 0;
  bool ok_ = true;
  DigitPattern* p_ = nullptr;
};

std::unique_ptr<DigitPattern> DigitPattern::Parse(std::string_view pattern) {
  return PatternParser(pattern).Run();
}

// --- DigitProgram ----------------------------------------------------------

DigitProgram::Inst DigitProgram::Op(Inst::Op op, uint16_t digits, int x) {
  Inst in;
  in.op = op;
  in.digits = digits;
  in.x = x;
  return in;
}

DigitProgram::DigitProgram(const DigitPattern& pattern) {
  Emit(pattern, pattern.root());
  code_.push_back(Op(Inst::kMatch));
}

void DigitProgram::Emit(const DigitPattern& p, int node) {
  using Node = DigitPattern::Node;
  const Node& n = p.nodes()[node];
  switch (n.kind) {
    case Node::kClass:
      code_.push_back(Op(Inst::kClass, n.digits));
      return;
    case Node::kConcat:
      for (const int k : n.kids) Emit(p, k);
      return;
    case Node::kAlt: {
      // split L1, next; L1: a; jump end; next: split L2, next2; ... last
      std::vector<size_t> jumps;
      for (size_t i = 0; i < n.kids.size(); ++i) {
        if (i + 1 == n.kids.size()) {
          Emit(p, n.kids[i]);
          break;
        }
        const size_t split = code_.size();
        code_.push_back(Op(Inst::kSplit));
        code_[split].x = static_cast<int>(code_.size());
        Emit(p, n.kids[i]);
        jumps.push_back(code_.size());
        code_.push_back(Op(Inst::kJump));
        code_[split].y = static_cast<int>(code_.size());
      }
      for (const size_t j : jumps) code_[j].x = static_cast<int>(code_.size());
      return;
    }
    case Node::kRepeat: {
      for (int i = 0; i < n.min; ++i) Emit(p, n.kids[0]);
      // Greedy optional copies, nested: (x(x)?)? tries the most first and
      // gives them back one at a time, as a counted loop does.
      std::vector<size_t> splits;
      for (int i = n.min; i < n.max; ++i) {
        splits.push_back(code_.size());
        code_.push_back(Op(Inst::kSplit));
        code_.back().x = static_cast<int>(code_.size());
        Emit(p, n.kids[0]);
      }
      for (const size_t s : splits) code_[s].y = static_cast<int>(code_.size());
      return;
    }
    case Node::kGroup:
      if (n.group > 0) code_.push_back(Op(Inst::kSave, 0, 2 * n.group));
      Emit(p, n.kids[0]);
      if (n.group > 0) code_.push_back(Op(Inst::kSave, 0, 2 * n.group + 1));
      return;
    case Node::kEnd:
      code_.push_back(Op(Inst::kEnd));
      return;
  }
}

bool DigitProgram::Run(int pc, size_t sp, std::string_view text, int* slots,
                       size_t* end) const {
  for (;;) {
    const Inst& in = code_[pc];
    switch (in.op) {
      case Inst::kClass:
        if (sp >= text.size() ||
            ((in.digits >> static_cast<unsigned>(text[sp] - '0')) & 1) == 0) {
          return false;
        }
        ++sp;
        ++pc;
        break;
      case Inst::kSplit:
        if (Run(in.x, sp, text, slots, end)) return true;
        pc = in.y;
        break;
      case Inst::kJump:
        pc = in.x;
        break;
      case Inst::kSave: {
        const int old = slots[in.x];
        slots[in.x] = static_cast<int>(sp);
        if (Run(pc + 1, sp, text, slots, end)) return true;
        slots[in.x] = old;
        return false;
      }
      case Inst::kEnd:
        if (sp != text.size()) return false;
        ++pc;
        break;
      case Inst::kMatch:
        *end = sp;
        return true;
    }
  }
}

bool DigitProgram::LookingAt(std::string_view text, Match* match) const {
  if (code_.empty()) return false;
  int slots[2 * (kMaxGroups + 1)];
  std::fill(std::begin(slots), std::end(slots), -1);
  size_t end = 0;
  if (!Run(0, 0, text, slots, &end)) return false;
  match->end = end;
  for (int g = 0; g <= kMaxGroups; ++g) {
    match->group_begin[g] = slots[2 * g];
    match->group_end[g] = slots[2 * g + 1];
  }
  return true;
}

// --- DigitDfa --------------------------------------------------------------

int DigitDfa::Builder::NewState() {
  states_.emplace_back();
  return static_cast<int>(states_.size()) - 1;
}

// Thompson construction; returns {-1, -1} for $ (no place in a DFA of
// whole-input matches).
DigitDfa::Builder::Frag DigitDfa::Builder::Compile(const DigitPattern& p,
                                                   int node) {
  using Node = DigitPattern::Node;
  const Node& n = p.nodes()[node];
  switch (n.kind) {
    case Node::kClass: {
      const int s = NewState();
      const int e = NewState();
      states_[s].digits = n.digits;
      states_[s].next = e;
      return {s, e};
    }
    case Node::kConcat: {
      const int s = NewState();
      int end = s;
      for (const int k : n.kids) {
        const Frag f = Compile(p, k);
        if (f.start < 0) return f;
        states_[end].eps.push_back(f.start);
        end = f.end;
      }
      return {s, end};
    }
    case Node::kAlt: {
      const int s = NewState();
      const int e = NewState();
      for (const int k : n.kids) {
        const Frag f = Compile(p, k);
        if (f.start < 0) return f;
        states_[s].eps.push_back(f.start);
        states_[f.end].eps.push_back(e);
      }
      return {s, e};
    }
    case Node::kRepeat: {
      const int s = NewState();
      const int e = NewState();
      int end = s;
      for (int i = 0; i < n.max; ++i) {
        const Frag f = Compile(p, n.kids[0]);
        if (f.start < 0) return f;
        if (i >= n.min) states_[end].eps.push_back(e);
        states_[end].eps.push_back(f.start);
        end = f.end;
      }
      states_[end].eps.push_back(e);
      return {s, e};
    }
    case Node::kGroup:
      return Compile(p, n.kids[0]);
    case Node::kEnd:
      return {-1, -1};
  }
  return {-1, -1};
}

bool DigitDfa::Builder::Add(const DigitPattern& pattern, int bit) {
  const size_t mark = states_.size();
  const Frag f = Compile(pattern, pattern.root());
  if (f.start < 0) {
    states_.resize(mark);
    return false;
  }
  states_[f.end].accept |= 1u << bit;
  starts_.push_back(f.start);
  return true;
}

namespace {

struct VecHash {
  size_t operator()(const std::vector<int>& v) const {
    size_t h = 1469598103934665603ull;
    for (const int x : v) h = (h ^ static_cast<size_t>(x)) * 1099511628211ull;
    return h;
  }
};

}  // namespace

std::unique_ptr<const DigitDfa> DigitDfa::Builder::Build(
    size_t max_states) const {
  // Subset construction. A DFA state is the sorted set of NFA states its
  // epsilon closure reaches.
  std::vector<uint32_t> seen(states_.size(), 0);
  uint32_t generation = 0;
  std::vector<int> stack;
  auto closure = [&](std::vector<int>& set) {
    ++generation;
    stack.assign(set.begin(), set.end());
    set.clear();
    while (!stack.empty()) {
      const int s = stack.back();
      stack.pop_back();
      if (seen[s] == generation) continue;
      seen[s] = generation;
      set.push_back(s);
      for (const int t : states_[s].eps) {
        if (seen[t] != generation) stack.push_back(t);
      }
    }
    std::sort(set.begin(), set.end());
  };

  auto dfa = std::unique_ptr<DigitDfa>(new DigitDfa());
  // Keys of an unordered_map stay put, so `sets` can point at them.
  std::unordered_map<std::vector<int>, uint32_t, VecHash> ids;
  std::vector<const std::vector<int>*> sets;
  auto intern = [&](const std::vector<int>& set) -> uint32_t {
    if (const auto it = ids.find(set); it != ids.end()) return it->second;
    const auto it =
        ids.emplace(set, static_cast<uint32_t>(sets.size())).first;
    sets.push_back(&it->first);
    uint32_t accept = 0;
    for (const int s : set) accept |= states_[s].accept;
    dfa->accept_.push_back(accept);
    return it->second;
  };
  intern({});  // 0: dead
  std::vector<int> next(starts_.begin(), starts_.end());
  closure(next);
  if (next.empty()) {
    // No pattern at all: a start state apart from the dead one.
    static const std::vector<int> kNone;
    sets.push_back(&kNone);
    dfa->accept_.push_back(0);
  } else {
    intern(next);  // 1: start
  }
  for (size_t i = 0; i < sets.size(); ++i) {
    if (sets.size() > max_states) return nullptr;
    for (int d = 0; d < 10; ++d) {
      next.clear();
      for (const int s : *sets[i]) {
        if ((states_[s].digits >> d) & 1) next.push_back(states_[s].next);
      }
      uint32_t id = 0;
      if (!next.empty()) {
        closure(next);
        id = intern(next);
      }
      dfa->next_.push_back(id);
    }
  }
  return dfa;
}

}  // namespace smslint::internal
