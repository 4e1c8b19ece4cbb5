// Runs tests/conformance/segments.json, the language-neutral segment cases
// (written by tools/make_conformance.py), against the engine.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "smslint/segments.h"

namespace smslint {
namespace {

using Json = nlohmann::json;

Json LoadCases() {
  const char* path = std::getenv("SMSLINT_CONFORMANCE");
  if (path == nullptr) return Json();
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return Json::parse(ss.str());
}

std::string Body(const Json& pieces) {
  std::string out;
  for (const Json& p : pieces) {
    for (int i = 0; i < p[1].get<int>(); ++i) out += p[0].get<std::string>();
  }
  return out;
}

TEST(ConformanceTest, EveryCase) {
  const Json doc = LoadCases();
  ASSERT_TRUE(doc.is_object()) << "set SMSLINT_CONFORMANCE to segments.json";
  ASSERT_GE(doc["cases"].size(), 40u);
  for (const Json& c : doc["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>() + " (" +
                 c["source"].get<std::string>() + ")");
    SegmentOptions o;
    const Json& opts = c["options"];
    o.smart_encoding = opts.value("smart_encoding", false);
    const std::string enc = opts.value("encoding", "auto");
    if (enc == "GSM-7") o.encoding = EncodingChoice::kGsm7;
    if (enc == "UCS-2") o.encoding = EncodingChoice::kUcs2;
    const std::string body = Body(c["body"]);
    const SegmentInfo info = AnalyzeSegments(body, o);
    const Json& e = c["expect"];
    if (e.contains("error")) {
      EXPECT_EQ(info.error, SegmentError::kIncompatibleWithGsm7);
      EXPECT_EQ(CountSegments(body, o), 0u);
      continue;
    }
    EXPECT_EQ(info.error, SegmentError::kOk);
    EXPECT_EQ(CountSegments(body, o), info.segment_count);
    if (e.contains("encoding")) {
      EXPECT_EQ(EncodingName(info.encoding), e["encoding"].get<std::string>());
    }
    if (e.contains("segment_count")) {
      EXPECT_EQ(info.segment_count, e["segment_count"].get<uint32_t>());
    }
    if (e.contains("fill")) {
      std::vector<uint32_t> fill;
      for (const SegmentSpan& s : info.segments) fill.push_back(s.fill);
      EXPECT_EQ(fill, e["fill"].get<std::vector<uint32_t>>());
    }
    for (const char* key : {"units", "characters", "code_points",
                            "message_bits", "total_bits"}) {
      if (!e.contains(key)) continue;
      const uint64_t got = std::string(key) == "units"        ? info.units
                           : std::string(key) == "characters" ? info.characters
                           : std::string(key) == "code_points"
                               ? info.code_points
                           : std::string(key) == "message_bits"
                               ? info.message_bits
                               : info.total_bits;
      EXPECT_EQ(got, e[key].get<uint64_t>()) << key;
    }
    if (e.contains("line_break_style")) {
      const std::string want =
          e["line_break_style"].is_null() ? "" : e["line_break_style"].get<std::string>();
      EXPECT_EQ(LineBreakStyleName(info.line_break_style), want);
    }
  }
}

}  // namespace
}  // namespace smslint
