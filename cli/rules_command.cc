// smslint rules / smslint rule ID: the registry, for people and programs.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "output.h"
#include "smslint/rules.h"

namespace smslint::cli {
namespace {

// printf into a string, so that the write can be checked (WriteAll).
template <typename... Args>
std::string Printf(const char* format, Args... args) {
  const int n = std::snprintf(nullptr, 0, format, args...);
  std::string s(n > 0 ? static_cast<size_t>(n) : 0, '\0');
  std::snprintf(s.data(), s.size() + 1, format, args...);
  return s;
}

}  // namespace

// Write errors end the listing; FinishStdout (main.cc) reports them.

int RunListRules(Format format) {
  if (format != Format::kText) {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const RuleInfo& r : AllRules()) {
      rules.push_back({{"id", r.id},
                       {"summary", r.summary},
                       {"default_severity", SeverityName(r.default_severity)},
                       {"twilio_code", r.twilio_code ? nlohmann::ordered_json(r.twilio_code)
                                                     : nlohmann::ordered_json(nullptr)},
                       {"fixable", r.fixable},
                       {"weight", r.weight},
                       {"weight_high", r.weight_high ? nlohmann::ordered_json(r.weight_high)
                                                     : nlohmann::ordered_json(nullptr)},
                       {"status", r.status},
                       {"since", r.since}});
    }
    return WriteAll(stdout, rules.dump() + "\n") ? kExitOk : kExitUsage;
  }
  for (const RuleInfo& r : AllRules()) {
    std::string code = r.twilio_code ? std::to_string(r.twilio_code) : "-";
    const std::string weight = r.weight == 0.0 ? "-" : FormatWeight(r.weight);
    const std::string line =
        Printf("%-40s %-8s %-6s %-5s %s\n", std::string(r.id).c_str(),
               std::string(SeverityName(r.default_severity)).c_str(),
               code.c_str(), weight.c_str(), std::string(r.summary).c_str());
    if (!WriteAll(stdout, line)) return kExitUsage;
  }
  return kExitOk;
}

int RunRuleDoc(const std::string& id) {
  const RuleInfo* r = FindRule(id);
  if (r == nullptr) {
    std::fprintf(stderr, "smslint: unknown rule '%s' (see `smslint rules`)\n",
                 id.c_str());
    return kExitUsage;
  }
  std::string weight;
  if (r->weight != 0.0) {
    weight = " Risk weight: " + FormatWeight(r->weight);
    if (r->weight_high != 0.0) weight += " (higher grade " + FormatWeight(r->weight_high) + ")";
    weight += ".";
  }
  const std::string doc = Printf(
      "# %s\n\n%s\n\nSeverity: %s. Twilio error: %s.%s Status: %s since %s.\n\n%s",
      std::string(r->id).c_str(), std::string(r->summary).c_str(),
      std::string(SeverityName(r->default_severity)).c_str(),
      r->twilio_code ? std::to_string(r->twilio_code).c_str() : "none",
      weight.c_str(), std::string(r->status).c_str(), std::string(r->since).c_str(),
      std::string(r->docs).c_str());
  return WriteAll(stdout, doc) ? kExitOk : kExitUsage;
}

}  // namespace smslint::cli
