#include "batch/fixes.h"

#include <algorithm>

#include "smslint/rules.h"

namespace smslint::cli {
namespace {

std::string* FieldOf(Message* m, std::string_view field) {
  if (field == "to") return &m->to;
  if (field == "from") return &m->from;
  if (field == "body") return &m->body;
  return nullptr;
}

bool Matches(std::string_view spec, std::string_view rule_id) {
  if (spec == rule_id) return true;
  return rule_id.size() > spec.size() && rule_id.starts_with(spec) &&
         rule_id[spec.size()] == '/';
}

}  // namespace

std::vector<std::string> ApplySafeFixes(const Report& report,
                                        const std::vector<std::string>& fields,
                                        Message* message) {
  std::vector<std::string> changed;
  for (const std::string& field : fields) {
    std::string* text = FieldOf(message, field);
    if (text == nullptr) continue;
    std::vector<const Edit*> edits;
    for (const Diagnostic& d : report.diagnostics) {
      if (d.field != field || !d.fix || d.fix->applicability != Applicability::kSafe) {
        continue;
      }
      for (const Edit& e : d.fix->edits) edits.push_back(&e);
    }
    if (edits.empty()) continue;
    std::stable_sort(edits.begin(), edits.end(), [](const Edit* a, const Edit* b) {
      return a->span.byte_begin < b->span.byte_begin;
    });
    // Built front to back; an edit starting inside the last one applied is
    // another fix's view of the same text and is left out.
    std::string out;
    size_t pos = 0;
    for (const Edit* e : edits) {
      const size_t b = e->span.byte_begin, end = e->span.byte_end;
      if (b < pos || end < b || end > text->size()) continue;
      out.append(*text, pos, b - pos);
      out += e->replacement;
      pos = end;
    }
    out.append(*text, pos);
    if (out != *text) {
      *text = std::move(out);
      changed.push_back(field);
    }
  }
  return changed;
}

bool BlockPolicy::Blocks(const Diagnostic& d) const {
  if (d.rule_id == "input/duplicate-recipient") return duplicates;
  if (errors && d.severity == Severity::kError) return true;
  for (const std::string& r : rules) {
    if (Matches(r, d.rule_id)) return true;
  }
  return false;
}

std::vector<const Diagnostic*> BlockingFindings(const Report& report,
                                                const BlockPolicy& policy) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : report.diagnostics) {
    if (policy.Blocks(d)) out.push_back(&d);
  }
  return out;
}

bool IsRuleOrArea(std::string_view spec) {
  if (spec.empty()) return false;
  for (const RuleInfo& r : AllRules()) {
    if (Matches(spec, r.id)) return true;
  }
  return false;
}

}  // namespace smslint::cli
