// Links against the shared library through the installed-style dependency
// only, and calls every exported function, so a symbol the version script or
// visibility hides breaks the build (it happened to Report::Count).
#include <smslint/smslint.h>

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
  std::printf("%s\n", failures ? "public API check failed" : "public API links and works");
  return failures ? 1 : 0;
}
