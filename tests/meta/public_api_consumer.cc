// Links against the shared library through the installed-style dependency
// only, and calls every exported function, so a symbol the version script or
// visibility hides breaks the build (it happened to Report::Count).
#include <smslint/smslint.h>
#include <smslint/smslint_c.h>

#include <cstdio>
#include <cstring>

int main() {
  int failures = 0;
  auto check = [&](bool ok, const char* what) {
    if (!ok) {
      std::printf("FAIL: %s\n", what);
      ++failures;
    }
  };
  const smslint::Linter linter;
  check(linter.ok() && linter.error().empty() && linter.error_arg().empty(), "ok");
  smslint::Message m;
  m.to = "+447400123456";
  m.from = "Acme";
  m.body = "it\xE2\x80\x99s";
  const smslint::Report r = linter.Lint(m);
  check(r.MaxSeverity() == smslint::Severity::kWarning, "MaxSeverity");
  check(r.Count(smslint::Severity::kWarning) == 1, "Count");
  check(linter.SegmentCount(m.body) == 1, "SegmentCount");
  check(linter.IsSendable(m), "IsSendable");
  check(linter.MakeDiagnostic("body/empty", "body", std::nullopt, {}).has_value(),
        "MakeDiagnostic");
  check(linter.options().max_segments == 10, "options");
  check(!smslint::ReportToJson(r).empty(), "ReportToJson");
  const smslint::SegmentInfo info = smslint::AnalyzeSegments(m.body);
  check(!smslint::SegmentInfoToJson(info).empty(), "SegmentInfoToJson");
  check(smslint::CountSegments(m.body) == 1, "CountSegments");
  check(smslint::SmartEncode(m.body) == "it's", "SmartEncode");
  check(!smslint::AllRules().empty(), "AllRules");
  check(smslint::FindRule("body/too-long") != nullptr, "FindRule");
  check(smslint::SeverityName(smslint::Severity::kError) == "error", "SeverityName");
  check(smslint::ParseSeverity("info") == smslint::Severity::kInfo, "ParseSeverity");
  check(smslint::ApplicabilityName(smslint::Applicability::kSafe) == "safe",
        "ApplicabilityName");
  check(smslint::MessageKindName(smslint::MessageKind::kOtp) == "otp", "MessageKindName");
  check(smslint::ParseMessageKind("marketing") == smslint::MessageKind::kMarketing,
        "ParseMessageKind");
  check(smslint::EncodingName(info.encoding) == "UCS-2", "EncodingName");
  check(smslint::LineBreakStyleName(smslint::LineBreakStyle::kCrlf) == "CRLF",
        "LineBreakStyleName");
  check(std::strlen(SMSLINT_VERSION) > 0, "version");
  check(r.to_number && r.to_number->e164 == "+447400123456" &&
            r.to_number->type == smslint::NumberType::kMobile,
        "to_number");
  check(smslint::NumberKindName(r.from_number->kind) == "alphanumeric",
        "NumberKindName");
  check(smslint::NumberTypeName(smslint::NumberType::kUan) == "uan",
        "NumberTypeName");
  check(!smslint::PhoneMetadataVersion().empty(), "PhoneMetadataVersion");
  // The C ABI, from C++.
  smslint_linter* c_linter = smslint_linter_new(nullptr, 0, nullptr);
  check(c_linter != nullptr, "smslint_linter_new");
  size_t c_len = 0;
  char* c_report = smslint_lint_json(c_linter, "{}", 2, &c_len);
  check(c_report != nullptr && c_len == std::strlen(c_report), "smslint_lint_json");
  smslint_free(c_report);
  check(smslint_segment_count(c_linter, "hi", 2) == 1, "smslint_segment_count");
  check(std::strcmp(smslint_version(), SMSLINT_VERSION) == 0, "smslint_version");
  smslint_linter_free(c_linter);
  std::printf("%s\n", failures ? "public API check failed" : "public API links and works");
  return failures ? 1 : 0;
}
