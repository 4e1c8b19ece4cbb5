// Prints what smslint's segment engine reports for each body of a JSONL file
// ({"body": "..."} a line), one JSON line per body, in the same shape as
// calc_dump.mjs prints for the npm reference calculator, so differential.py
// can compare them field by field.
//
//   segments_dump BODIES.jsonl > ours.jsonl
//
// Each output line has one object per mode: "auto", "smart" (auto + Smart
// Encoding), "ucs2" (forced) and "gsm7" (forced; {"error": "incompatible"}
// when the text is not GSM-7, where the calculator throws).
#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "smslint/segments.h"

namespace {

using nlohmann::json;

json Describe(const std::string& body, const smslint::SegmentOptions& options) {
  const smslint::SegmentInfo info = smslint::AnalyzeSegments(body, options);
  if (info.error == smslint::SegmentError::kIncompatibleWithGsm7) {
    return {{"error", "incompatible"}};
  }
  json fill = json::array();
  for (const smslint::SegmentSpan& s : info.segments) fill.push_back(s.fill);
  json non_gsm = json::array();
  for (const smslint::NonGsmCharacter& c : info.non_gsm) {
    non_gsm.push_back(c.text);
  }
  json out = {
      {"encoding", std::string(smslint::EncodingName(info.encoding))},
      {"segments", info.segment_count},
      // CountSegments is the cheap path; it must agree with the full one.
      {"count", smslint::CountSegments(body, options)},
      {"fill", fill},
      {"characters", info.characters},
      {"code_points", info.code_points},
      {"message_bits", info.message_bits},
      {"total_bits", info.total_bits},
      {"non_gsm", non_gsm},
      {"line_break",
       std::string(smslint::LineBreakStyleName(info.line_break_style))},
  };
  if (info.smart_encoded) out["text"] = info.smart_text;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: segments_dump BODIES.jsonl\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "segments_dump: cannot open %s\n", argv[1]);
    return 1;
  }
  smslint::SegmentOptions plain, smart, ucs2, gsm7;
  smart.smart_encoding = true;
  ucs2.encoding = smslint::EncodingChoice::kUcs2;
  gsm7.encoding = smslint::EncodingChoice::kGsm7;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::string body = json::parse(line).at("body").get<std::string>();
    const json out = {{"auto", Describe(body, plain)},
                      {"smart", Describe(body, smart)},
                      {"ucs2", Describe(body, ucs2)},
                      {"gsm7", Describe(body, gsm7)}};
    // Bodies are valid UTF-8 here; "replace" only guards the dump itself.
    std::printf("%s\n",
                out.dump(-1, ' ', false, json::error_handler_t::replace)
                    .c_str());
  }
  return 0;
}
