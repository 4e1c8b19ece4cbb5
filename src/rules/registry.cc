// The rule registry: every rule smslint has shipped, sorted by id. Ids are
// never reused; a retired rule stays with status "removed". The table is
// data (data/rules/<area>.toml) turned into gen/rules.inc by
// tools/gen_rules.py; the meson test generated-up-to-date keeps it current.
#include <algorithm>
#include <array>
#include <string_view>

#include "gen/rule_ids.h"
#include "smslint/rules.h"

namespace smslint {
namespace {

#include "gen/rules.inc"

constexpr bool Sorted() {
  for (size_t i = 1; i < kRules.size(); ++i) {
    if (!(kRules[i - 1].id < kRules[i].id)) return false;
  }
  return true;
}
static_assert(Sorted(), "tools/gen_rules.py sorts the rules by id");
static_assert(kRules.size() == internal::kRuleCount,
              "gen/rule_ids.h and gen/rules.inc come from one run");

}  // namespace

RuleList AllRules() { return RuleList(kRules.data(), kRules.size()); }

std::string_view internal::RuleName(RuleId rule) { return kRules[rule.index].id; }

const RuleInfo* FindRule(std::string_view id) {
  const auto it = std::lower_bound(
      kRules.begin(), kRules.end(), id,
      [](const RuleInfo& r, std::string_view v) { return r.id < v; });
  if (it != kRules.end() && it->id == id) return &*it;
  return nullptr;
}

}  // namespace smslint
