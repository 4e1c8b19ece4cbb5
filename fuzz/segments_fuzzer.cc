// Fuzz target for the segment engine and the body rules.
//
// Input layout (see fuzz/README.md):
//   byte 0        flags
//                   bit 0    SegmentOptions::smart_encoding
//                   bits 1-2 SegmentOptions::encoding: 0 auto, 1 GSM-7,
//                            2 UCS-2, 3 auto
//                   bit 3    byte 1 sets small Linter limits
//                   bit 4    Options::suggest_smart_encoding = false
//                   bit 5    the message also has one media item (so an
//                            empty body is not body/empty)
//   byte 1        only when bit 3 is set: max_body_characters = 1 + byte,
//                 max_segments = 1 + byte % 8
//   the rest      the body: arbitrary bytes, ill-formed UTF-8 included
//
// It runs AnalyzeSegments and CountSegments with the chosen options, and a
// full Linter::Lint + ReportToJson on the body, and checks the invariants
// in fuzz_checks.h. Any violation aborts. segments_fast_fuzzer runs the
// same code under test but the oracles only on a sample of inputs
// (OracleFor in fuzz_checks.h).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_checks.h"
#include "smslint/linter.h"
#include "smslint/message.h"
#include "smslint/report.h"
#include "smslint/segments.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  uint8_t flags = 0;
  uint8_t limits = 0;
  if (size > 0) {
    flags = data[0];
    ++data;
    --size;
  }
  if ((flags & 0x08) != 0 && size > 0) {
    limits = data[0];
    ++data;
    --size;
  }
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  smslint::SegmentOptions so;
  so.smart_encoding = (flags & 0x01) != 0;
  switch ((flags >> 1) & 0x03) {
    case 1: so.encoding = smslint::EncodingChoice::kGsm7; break;
    case 2: so.encoding = smslint::EncodingChoice::kUcs2; break;
    default: so.encoding = smslint::EncodingChoice::kAuto; break;
  }
  const bool oracle = smslint_fuzz::OracleFor(data, size);
  const smslint::SegmentInfo info = smslint::AnalyzeSegments(text, so);
  if (oracle) {
    smslint_fuzz::CheckSegmentInfo(text, so, info);
  } else {
    // The fast variant: the code under test runs in full, the oracles not.
    (void)smslint::CountSegments(text, so);
  }
  // SegmentInfoToJson must cope with anything AnalyzeSegments returns. (Its
  // segment fields are the same code as ReportToJson's, which CheckReport
  // validates as JSON.)
  const std::string seg_json = smslint::SegmentInfoToJson(info);
  FUZZ_CHECK(seg_json.size() > 2 && seg_json.front() == '{' &&
             seg_json.back() == '}');

  smslint::Options lo;
  if ((flags & 0x08) != 0) {
    lo.max_body_characters = 1u + limits;
    lo.max_segments = 1u + limits % 8;
  }
  lo.suggest_smart_encoding = (flags & 0x10) == 0;
  // Linter construction is costly (it once cost most of each run): build
  // each of the 2 x 257 configurations once, on first use, and keep it.
  static std::unique_ptr<const smslint::Linter> linters[2][257];
  const size_t limit_slot = (flags & 0x08) != 0 ? 1u + limits : 0u;
  auto& slot = linters[(flags & 0x10) != 0][limit_slot];
  if (slot == nullptr) slot = std::make_unique<const smslint::Linter>(lo);
  const smslint::Linter& linter = *slot;
  FUZZ_CHECK(linter.ok());

  smslint::Message m;
  m.id = "fuzz";
  m.body = std::string(text);
  // Numbers that draw no diagnostic (a UK mobile, an alphanumeric sender),
  // so the body rules are all that fire; fuzz/numbers_fuzzer.cc covers them.
  m.to = "+447400123456";
  m.from = "Acme";
  if ((flags & 0x20) != 0) {
    m.media.push_back({.content_type = "image/jpeg", .size_bytes = 1000,
                       .path = {}, .bytes = {}});
  }
  const smslint::Report r = linter.Lint(m);
  if (!oracle) {
    (void)smslint::ReportToJson(r, {.line = 1, .row = {}});
    return 0;
  }
  smslint_fuzz::CheckReport(linter, m, r);
  if (m.body.empty() && m.media.empty()) {
    FUZZ_CHECK(r.diagnostics.size() == 1 &&
               r.diagnostics[0].rule_id == "body/empty");
  }
  return 0;
}
