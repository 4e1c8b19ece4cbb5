#include "smslint/linter.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <cmath>
#include <ctime>

#include "account/account_checks.h"
#include "base/ascii.h"
#include "content/content_engine.h"
#include "segments/body_rules.h"
#include "segments/grapheme.h"
#include "media/media_file.h"
#include "media/media_rules.h"
#include "numbers/number_rules.h"
#include "numbers/phone_util.h"
#include "request/request_rules.h"
#include "rules/policy.h"
#include "smslint/rules.h"

namespace smslint {

struct Linter::Impl {
  Options options;
  std::string error;
  std::string error_arg;
  // Which rules report, at which severity and weight: the one place policy
  // is applied to what rules find.
  std::optional<internal::RulePolicy> policy;
  std::unique_ptr<internal::ContentEngine> content;
  // libphonenumber, fetched and warmed once (PhoneUtil::Get), so Lint does
  // no first-use work.
  const internal::PhoneUtil* phones = nullptr;
  std::string default_region;  // upper-cased options.default_region
  // Media files (src/media/media_file.h): the canonical Options::media_root
  // ("" reads none), and whether an enabled rule needs them.
  std::string media_root;
  bool media_read_files = false;
  // The account rules (src/account): normalised numbers, loaded lists.
  std::unique_ptr<internal::AccountChecker> account;
  // Whether an area's engine runs at all: a disabled area costs nothing
  // (its findings would all be dropped by the policy anyway).
  bool run_content = true;
  bool run_account = true;
};

namespace {

// Whether any rule of `area` ("content/") is enabled under `policy`.
bool AreaEnabled(const internal::RulePolicy& policy, std::string_view area) {
  const auto& rules = AllRules();
  for (size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].id.starts_with(area) &&
        policy.enabled({static_cast<uint16_t>(i)})) {
      return true;
    }
  }
  return false;
}

}  // namespace

Linter::Linter(const Options& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  auto fail = [&](std::string error, std::string arg) {
    if (impl->error.empty()) {
      impl->error = std::move(error);
      impl->error_arg = std::move(arg);
    }
  };
  impl->policy.emplace(options, &impl->error, &impl->error_arg);
  // Media file access, after the policy: a disabled rule opens nothing.
  if (!options.media_root.empty()) {
    std::string why;
    impl->media_root = internal::CanonicalMediaRoot(options.media_root, &why);
    if (impl->media_root.empty()) {
      fail("media_root must be an existing directory (" + why + ")", options.media_root);
    }
  }
  // The content engine also tells the account rules whether the body has a
  // phone number (account/campaign-phone-undeclared, which needs campaigns).
  impl->run_content =
      AreaEnabled(*impl->policy, "content/") ||
      (!options.account.campaigns.empty() &&
       impl->policy->enabled(internal::rule::kAccountCampaignPhoneUndeclared));
  impl->run_account = AreaEnabled(*impl->policy, "account/");
  impl->media_read_files = internal::MediaRulesReadFiles(
      [&](internal::RuleId id) { return impl->policy->enabled(id); });
  if (!std::isfinite(options.elevated_threshold) ||
      !std::isfinite(options.high_threshold) ||
      std::abs(options.elevated_threshold) > 1e6 || std::abs(options.high_threshold) > 1e6 ||
      options.elevated_threshold > options.high_threshold) {
    fail("elevated_threshold must be a number no greater than high_threshold",
         std::to_string(options.elevated_threshold));
  }
  if (options.max_segments == 0) {
    fail("max_segments must be at least 1", "0");
  }
  if (options.max_body_characters == 0) {
    fail("max_body_characters must be at least 1", "0");
  }
  // Process-wide tables are built once, by the first Linter (the content
  // lexicons' set, the fast number path's region table) or on first use
  // where most processes never need them (issue 15's cold start): a
  // region's number patterns on its first number, libphonenumber itself on
  // the first number the fast path leaves to it, the grapheme tables on the
  // first text outside GSM-7. `warm_up_numbers` asks for libphonenumber's
  // regex warm-up here instead (PhoneUtil::WarmUp says what that costs).
  impl->phones = &internal::PhoneUtil::Get();
  if (options.warm_up_numbers) impl->phones->WarmUp();
  impl->default_region = base::UpperAscii(options.default_region);
  impl->content = std::make_unique<internal::ContentEngine>(options, impl->run_content);
  if (!impl->content->error().empty()) {
    fail("a content lexicon does not compile", impl->content->error());
  }
  if (!impl->default_region.empty() &&
      !impl->phones->IsSupportedRegion(impl->default_region)) {
    fail("unknown region in default_region", options.default_region);
  }
  // After default_region is checked: the account's numbers and suppression
  // lists are read in it. Lists load here, once (docs/account.md).
  if (impl->error.empty()) {
    impl->account = std::make_unique<internal::AccountChecker>(
        options.account, impl->default_region, *impl->phones, options.fast_numbers);
    if (!impl->account->error().empty()) {
      fail(impl->account->error(), impl->account->error_arg());
    }
  }
  impl_ = std::move(impl);
}

Linter::~Linter() = default;

bool Linter::ok() const { return impl_->error.empty(); }
const std::string& Linter::error() const { return impl_->error; }
const std::string& Linter::error_arg() const { return impl_->error_arg; }
const Options& Linter::options() const { return impl_->options; }

std::optional<Diagnostic> Linter::MakeDiagnostic(
    std::string_view rule_id, std::string_view field, std::optional<Span> span,
    std::vector<std::pair<std::string, std::string>> args) const {
  const RuleInfo* rule = FindRule(rule_id);
  if (rule == nullptr) return std::nullopt;
  const internal::RuleId id{static_cast<uint16_t>(rule - AllRules().data())};
  return impl_->policy->Apply({id, field, span, std::move(args), {}});
}

bool Linter::RuleEnabled(std::string_view rule_id) const {
  const RuleInfo* rule = FindRule(rule_id);
  return rule != nullptr &&
         impl_->policy->enabled({static_cast<uint16_t>(rule - AllRules().data())});
}

Report Linter::Lint(const Message& message) const {
  Report report;
  report.id = message.id;
  if (!ok()) return report;
  report.segments = AnalyzeSegments(message.body);
  bool body_has_phone = false;  // found, whether or not the rule reports
  const internal::Emit emit([&](internal::Finding&& finding) -> Diagnostic* {
    assert(internal::RulePolicy::ArgsMatchMetadata(finding));
    if (finding.rule == internal::rule::kContentEmbeddedPhoneNumber) body_has_phone = true;
    std::optional<Diagnostic> d = impl_->policy->Apply(std::move(finding));
    if (!d) return nullptr;
    report.diagnostics.push_back(std::move(*d));
    return &report.diagnostics.back();
  });
  internal::CheckBody(message, report.segments, impl_->options, emit);
  const std::string region = internal::ResolveRegion(
      message, impl_->default_region, *impl_->phones, emit);
  internal::NumberResults numbers =
      internal::CheckNumbers(message, region, *impl_->phones,
                             impl_->options.fast_numbers, emit);
  report.to_number = std::move(numbers.to);
  report.from_number = std::move(numbers.from);
  // MMS eligibility needs the numbers' regions; a sender that is not a
  // phone number (short code, alphanumeric id) has none to check.
  const bool from_phone =
      report.from_number && report.from_number->kind == NumberKind::kPhone;
  internal::CheckMedia(
      message,
      {report.to_number ? std::string_view(report.to_number->region) : "",
       from_phone ? std::string_view(report.from_number->region) : "",
       impl_->media_root, impl_->media_read_files},
      emit);
  if (impl_->run_content) impl_->content->Check(message, report.segments, emit);
  // The rest of the request (media_url, status_callback, scheduling).
  internal::CheckMediaUrls(message, *impl_->content, emit);
  internal::CheckStatusCallback(message, emit);
  const int64_t now = impl_->options.now_unix_seconds
                          ? *impl_->options.now_unix_seconds
                          : static_cast<int64_t>(std::time(nullptr));
  if (!message.send_at.empty() || !message.schedule_type.empty() ||
      message.validity_period) {
    internal::CheckSchedule(message, now, emit);
  }
  if (impl_->run_account) impl_->account->Check(
      message,
      {report.to_number ? &*report.to_number : nullptr,
       report.from_number ? &*report.from_number : nullptr, body_has_phone, now},
      emit);
  SortDiagnostics(report.diagnostics);
  // The score: each rule fires at most once, so summing diagnostics sums
  // rules (SpamAssassin's model; docs/content.md).
  for (const Diagnostic& d : report.diagnostics) {
    if (d.weight == 0.0) continue;
    report.risk.score += d.weight;
    report.risk.contributions.push_back({d.rule_id, d.weight});
  }
  // Sums of decimal weights (1.5 + 0.3) carry binary noise; round to 1e-6
  // so 4.999999 does not read as "elevated" and JSON prints 4.8, not 4.800000000001.
  // (+ 0.0 turns a -0.0 from negative weights into 0.0.)
  report.risk.score = std::round(report.risk.score * 1e6) / 1e6 + 0.0;
  report.risk.elevated_threshold = impl_->options.elevated_threshold;
  report.risk.high_threshold = impl_->options.high_threshold;
  report.risk.band = report.risk.score >= impl_->options.high_threshold
                         ? RiskBand::kHigh
                     : report.risk.score >= impl_->options.elevated_threshold
                         ? RiskBand::kElevated
                         : RiskBand::kLow;
  return report;
}

uint32_t Linter::SegmentCount(std::string_view body) const {
  return CountSegments(body);
}

bool Linter::IsSendable(const Message& message) const {
  const Report r = Lint(message);
  return r.Count(Severity::kError) == 0;
}

}  // namespace smslint
