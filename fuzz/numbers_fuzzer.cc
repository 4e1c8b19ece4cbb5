// Fuzz target for the number rules (src/numbers/): to, from,
// messaging_service_id and region through Linter::Lint.
//
// Input layout (see fuzz/README.md):
//   byte 0        flags
//                   bits 0-3 the message region: index into kRegions
//                            (0: none; an unknown "UK" and a lower-case
//                            "us" are in the list)
//                   bit 4    Options::default_region = "GB"
//   the rest      to, from, messaging_service_id, separated by '\n'
//                 (missing parts are empty); arbitrary bytes
//
// Invariants, besides CheckReport (fuzz_checks.h):
//  - to_number is set iff `to` is non-empty; from_number iff `from` or
//    messaging_service_id is;
//  - a number's e164 is strict E.164 when it is possible; `valid` implies
//    `possible`; `reason` is empty iff `valid`; a valid phone has a type
//    and an invalid one has none;
//  - every diagnostic carries its registry severity and Twilio code;
//  - a not-e164 fix is stable: linting the fixed message gives no
//    not-e164 finding and the same E.164 form; a safe one also keeps the
//    region and type.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.h"
#include "smslint/linter.h"
#include "smslint/message.h"
#include "smslint/numbers.h"
#include "smslint/report.h"
#include "smslint/rules.h"

namespace {

constexpr const char* kRegions[16] = {"",   "US", "GB", "DE", "FR", "IN",
                                      "BR", "AU", "JP", "CA", "IT", "CN",
                                      "RU", "UK", "us", "001"};

bool IsStrictE164(const std::string& s) {
  return s.size() >= 3 && s.size() <= 16 && s[0] == '+' && s[1] >= '1' &&
         s[1] <= '9' && s.find_first_not_of("0123456789", 1) == std::string::npos;
}

void CheckNumber(const smslint::NumberInfo& n) {
  FUZZ_CHECK_MSG(!n.valid || n.possible, n.input);
  FUZZ_CHECK_MSG(n.reason.empty() == n.valid, n.input + " reason " + n.reason);
  if (n.kind != smslint::NumberKind::kPhone) {
    FUZZ_CHECK(n.e164.empty());
    FUZZ_CHECK(n.type == smslint::NumberType::kUnknown);
    return;
  }
  if (n.possible) FUZZ_CHECK_MSG(IsStrictE164(n.e164), n.e164);
  FUZZ_CHECK_MSG(n.valid == (n.type != smslint::NumberType::kUnknown), n.input);
}

std::string Part(std::string_view& rest) {
  const size_t nl = rest.find('\n');
  std::string part(rest.substr(0, nl));
  rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
  return part;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);

  // Construction warms libphonenumber up: build each configuration once.
  static const smslint::Linter plain;
  static const smslint::Linter gb([] {
    smslint::Options o;
    o.default_region = "GB";
    return o;
  }());
  const smslint::Linter& linter = (flags & 0x10) != 0 ? gb : plain;
  FUZZ_CHECK(linter.ok());

  smslint::Message m;
  m.id = "fuzz";
  m.body = "Hi";
  m.region = kRegions[flags & 0x0F];
  m.to = Part(rest);
  m.from = Part(rest);
  m.messaging_service_id = Part(rest);

  const smslint::Report r = linter.Lint(m);
  smslint_fuzz::CheckReport(linter, m, r);
  FUZZ_CHECK(r.to_number.has_value() == !m.to.empty());
  FUZZ_CHECK(r.from_number.has_value() ==
             (!m.from.empty() || !m.messaging_service_id.empty()));
  if (r.to_number) {
    FUZZ_CHECK(r.to_number->input == m.to);
    CheckNumber(*r.to_number);
  }
  if (r.from_number) CheckNumber(*r.from_number);

  for (const smslint::Diagnostic& d : r.diagnostics) {
    const smslint::RuleInfo* rule = smslint::FindRule(d.rule_id);
    FUZZ_CHECK_MSG(rule != nullptr, d.rule_id);
    FUZZ_CHECK_MSG(d.severity == rule->default_severity, d.rule_id);
    FUZZ_CHECK_MSG(d.twilio_code == rule->twilio_code, d.rule_id);
    if (d.rule_id != "to/not-e164" || !d.fix) continue;
    smslint::Message fixed = m;
    fixed.to = d.fix->edits[0].replacement;
    const smslint::Report again = linter.Lint(fixed);
    for (const smslint::Diagnostic& e : again.diagnostics) {
      FUZZ_CHECK_MSG(e.rule_id != "to/not-e164", m.to + " -> " + fixed.to);
    }
    FUZZ_CHECK(again.to_number && again.to_number->e164 == r.to_number->e164);
    if (d.fix->applicability != smslint::Applicability::kSafe) continue;
    FUZZ_CHECK_MSG(again.to_number->region == r.to_number->region &&
                       again.to_number->type == r.to_number->type,
                   m.to + " -> " + fixed.to);
  }
  return 0;
}
