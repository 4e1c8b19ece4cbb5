// File: smslint/linter.h
//
// Defines smslint::Linter and smslint::Options.
//
// A Linter is built once from Options, then is immutable: every method is
// const and safe to call from many threads at once on one shared Linter.
// Construction never throws; a bad option makes ok() false, error() say why
// and error_arg() name the offending value (RE2's model). The first Linter
// of a process also compiles the tables every Linter shares (~15-20 ms,
// once). What most processes never need is built on first use, once per
// process and thread-safely: a region's number patterns on its first
// number, libphonenumber itself (~10 ms) on the first number the fast path
// leaves to it (with its patterns compiled as met, unless
// Options::warm_up_numbers), the grapheme tables on the first text outside
// GSM-7.
//
//   smslint::Options options;
//   options.max_segments = 4;
//   const smslint::Linter linter(options);
//   if (!linter.ok()) { /* linter.error(), linter.error_arg() */ }
//   smslint::Message m;
//   m.body = std::string(161, 'a');
//   smslint::Report r = linter.Lint(m);
//   // r.segments.segment_count == 2
//   // linter.SegmentCount(m.body) == 2   (cheap: no report)
#ifndef SMSLINT_LINTER_H_
#define SMSLINT_LINTER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smslint/account.h"
#include "smslint/diagnostic.h"
#include "smslint/export.h"
#include "smslint/message.h"
#include "smslint/parse.h"
#include "smslint/report.h"

namespace smslint {

// smslint::Options
//
//   max_segments (10)              segments/too-many-segments fires above it
//   max_body_characters (1600)     body/too-long fires above it (code points)
//   suggest_smart_encoding (true)  offer Smart Encoding fixes
//   disabled_rules ({})            rule ids or area prefixes ("segments/")
//   severity_overrides ({})        rule id -> severity
//   default_region ("")            ISO 3166 region ("US") for numbers in
//                                  national format; Message::region wins
//   fast_numbers (true)            phone numbers take the fast path compiled
//                                  from libphonenumber's metadata when it
//                                  handles them; false: libphonenumber alone
//                                  (same answers, slower; for comparisons)
//   warm_up_numbers (false)        true: the first Linter of the process
//                                  also compiles libphonenumber's patterns
//                                  for every region (~0.1 s and ~12 MB,
//                                  once), so no Lint call pays a region's
//                                  first-use cost (60-350 us, only for
//                                  numbers the fast path leaves to
//                                  libphonenumber); for latency-sensitive
//                                  servers
//   media_root ("")                where media paths may be read; "" reads
//                                  no file at all (see below)
//   now_unix_seconds (nullopt)     "now" for the scheduling rules, in
//                                  seconds since 1970-01-01T00:00:00Z;
//                                  nullopt: the system clock at each Lint
struct Options {
  uint32_t max_segments = 10;
  uint32_t max_body_characters = 1600;
  bool suggest_smart_encoding = true;
  std::vector<std::string> disabled_rules;
  std::vector<std::pair<std::string, Severity>> severity_overrides;
  std::string default_region;
  bool fast_numbers = true;
  bool warm_up_numbers = false;
  // The directory under which Media::path may be read. Paths come from
  // input data, so by default ("") no file is ever opened and a path gets
  // media/path-not-allowed. When set (it must be an existing directory, or
  // ok() is false): relative paths are relative to it, and a path is read
  // only if, with links resolved, it is a regular file under it and not
  // under /proc, /sys or /dev; at most its first 64 KB are read, without
  // blocking. Anything else gets media/unreadable saying why. No file is
  // opened when every rule that reads media files is disabled.
  std::string media_root;

  // The time schedule/send-at-outside-window and schedule/send-at-short-lead
  // compare send_at with (Twilio's window is 5 minutes to 35 days ahead of
  // the request). Set it for reproducible results, or to check a batch
  // that will be sent later; nullopt reads the system clock at each Lint.
  std::optional<int64_t> now_unix_seconds;

  // Content risk (docs/content.md).
  // The brand messages should name; exact match beats the heuristics of
  // content/missing-sender-id. Message::brand overrides it.
  std::string brand;
  // Hosts the sender controls (label-boundary match, like the shortener
  // list): exempt from content/public-url-shortener and deceptive-url.
  std::vector<std::string> owned_domains;
  // More public shortener hosts, added to data/url_shorteners.txt.
  std::vector<std::string> extra_shorteners;
  // Weight overrides by rule id or area ("content" or "content/"), applied in
  // order; a graded rule's every grade takes the new weight.
  std::vector<std::pair<std::string, double>> weights;
  // Risk bands: score < elevated_threshold is low, < high_threshold is
  // elevated, otherwise high ("likely to be filtered", Twilio 30007).
  double elevated_threshold = 3.0;
  double high_threshold = 5.0;

  // The sending account (smslint/account.h, docs/account.md): trial,
  // geo permissions, suppression lists, senders and campaigns, pumping.
  AccountOptions account;
};

// smslint::Linter
class SMSLINT_API Linter {
 public:
  explicit Linter(const Options& options = {});
  ~Linter();
  // Not copyable: share one Linter (by reference or shared_ptr) instead.
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  bool ok() const;
  // Why the options were rejected ("" when ok()).
  const std::string& error() const;
  // The offending option value ("" when ok()).
  const std::string& error_arg() const;

  // Everything smslint finds in `message`. Findings are data, never errors.
  // Returns an empty report when !ok().
  Report Lint(const Message& message) const;

  // The report of a decoded message (ParseMessage's, or a front end's own
  // record decoder's): Lint(parsed.message) when parsed.usable; otherwise a
  // report with only parsed.message.id, the empty body's segment analysis
  // and this Linter's risk thresholds. Then each input problem becomes a
  // diagnostic on the field "input" (problems of a disabled rule are
  // dropped) and the list keeps the documented order (SortDiagnostics).
  // This is the report smslint check and batch write for each record.
  Report LintParsed(const ParsedMessage& parsed) const;

  // ParseMessage(json) then LintParsed: one JSON message (docs/input.md,
  // smslint's or Twilio's field names) to its report. The entry point of
  // the C ABI and the language bindings.
  Report LintJson(std::string_view json) const;

  // Cheap queries for hot paths.
  uint32_t SegmentCount(std::string_view body) const;
  // True when Lint would report no error-level diagnostic.
  bool IsSendable(const Message& message) const;

  // A diagnostic of rule `rule_id` with these arguments, rendered and with
  // this Linter's severity overrides applied; nullopt when the rule is
  // unknown or disabled. For front ends that find problems of their own
  // (an input line that is not JSON).
  std::optional<Diagnostic> MakeDiagnostic(
      std::string_view rule_id, std::string_view field,
      std::optional<Span> span,
      std::vector<std::pair<std::string, std::string>> args) const;

  // True when `rule_id` names a rule that reports with these options (not
  // disabled, not removed). Front ends use it to skip work whose only use is
  // a disabled rule.
  bool RuleEnabled(std::string_view rule_id) const;

  const Options& options() const;

 private:
  struct Impl;
  std::unique_ptr<const Impl> impl_;
};

}  // namespace smslint

#endif  // SMSLINT_LINTER_H_
