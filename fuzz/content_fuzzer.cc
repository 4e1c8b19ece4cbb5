// Fuzz target for the content-risk engines: the URL finder, the lexical
// view, the lexicon scan and every content rule, through Linter::Lint.
// Byte 0 picks the context (kind, first_message, a brand, an owned domain);
// the rest is the body. Checks, besides "no crash, no sanitizer report":
// URLs and e-mails lie inside the body, in order, without overlap; hosts are
// lower-case; every span lies inside the body; each content rule fires at
// most once; the score is the sum of the contributions and the band follows
// the thresholds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "content/urls.h"
#include "smslint/linter.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

const smslint::Linter& TheLinter() {
  static const smslint::Linter* linter = [] {
    smslint::Options o;
    o.extra_shorteners = {"acme.link"};
    o.owned_domains = {"maple-and-co.com"};
    return new smslint::Linter(o);
  }();
  return *linter;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t ctx = data[0];
  smslint::Message m;
  m.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  m.kind = static_cast<smslint::MessageKind>(ctx % 6);
  m.first_message = (ctx & 0x08) != 0;
  if (ctx & 0x10) m.brand = "Maple & Co";
  if (ctx & 0x20) m.owned_domains = {"bit.ly"};

  const smslint::internal::UrlScan scan = smslint::internal::FindUrls(m.body);
  size_t last = 0;
  for (const auto& u : scan.urls) {
    Check(u.begin >= last && u.begin < u.end && u.end <= m.body.size());
    Check(u.host_begin >= u.begin && u.host_end <= u.end);
    for (char ch : u.host) Check(!(ch >= 'A' && ch <= 'Z'));
    last = u.end;
  }
  for (const auto& e : scan.emails) {
    Check(e.begin < e.end && e.end <= m.body.size());
  }

  const smslint::Report r = TheLinter().Lint(m);
  std::set<std::string> content;
  double sum = 0;
  for (const smslint::Diagnostic& d : r.diagnostics) {
    if (d.span) {
      Check(d.span->byte_begin <= d.span->byte_end);
      Check(d.span->utf16_begin <= d.span->utf16_end);
      if (d.field == "body") Check(d.span->byte_end <= m.body.size());
    }
    if (d.rule_id.starts_with("content/")) {
      Check(content.insert(d.rule_id).second);
    }
    sum += d.weight;
  }
  double contributions = 0;
  for (const auto& c : r.risk.contributions) contributions += c.weight;
  Check(std::abs(contributions - sum) < 1e-6);
  Check(std::abs(r.risk.score - sum) < 1e-5);
  const auto band = r.risk.score >= r.risk.high_threshold       ? smslint::RiskBand::kHigh
                    : r.risk.score >= r.risk.elevated_threshold ? smslint::RiskBand::kElevated
                                                                : smslint::RiskBand::kLow;
  Check(band == r.risk.band);
  return 0;
}
