// smslint segments: the segment calculator alone.
#include <algorithm>
#include <cstdio>
#include <string>

#include "base/utf8.h"
#include "commands.h"
#include "smslint/segments.h"

namespace smslint::cli {
namespace {

std::string SpanText(const Span& s) {
  return "bytes " + std::to_string(s.byte_begin) + "-" +
         std::to_string(s.byte_end) + ", UTF-16 " +
         std::to_string(s.utf16_begin) + "-" + std::to_string(s.utf16_end);
}

}  // namespace

int RunSegments(const SegmentsFlags& flags) {
  std::string body = flags.body;
  if (!flags.body_given || flags.body == "-") {
    // At most the limit, plus a line end: `smslint segments - < /dev/zero`
    // must not read forever.
    body.clear();
    const size_t want = flags.max_body_bytes + 2;
    char buf[1 << 16];
    while (body.size() < want) {
      const size_t n = std::fread(buf, 1, std::min(sizeof buf, want - body.size()), stdin);
      body.append(buf, n);
      if (n == 0) break;
    }
    if (std::ferror(stdin)) {
      std::fprintf(stderr, "smslint: error reading standard input\n");
      return kExitUsage;
    }
    // `echo text | smslint segments` should not count echo's newline.
    if (!body.empty() && body.back() == '\n') {
      body.pop_back();
      if (!body.empty() && body.back() == '\r') body.pop_back();
    }
  }
  if (body.size() > flags.max_body_bytes) {
    std::fprintf(stderr,
                 "smslint: the body is longer than %zu bytes "
                 "(--max-body-bytes)\n",
                 flags.max_body_bytes);
    return kExitUsage;
  }
  SegmentOptions options;
  options.smart_encoding = flags.smart_encoding;
  if (flags.encoding == "GSM-7") {
    options.encoding = EncodingChoice::kGsm7;
  } else if (flags.encoding == "UCS-2") {
    options.encoding = EncodingChoice::kUcs2;
  }
  const SegmentInfo info = AnalyzeSegments(body, options);
  const bool incompatible = info.error == SegmentError::kIncompatibleWithGsm7;
  if (flags.format != Format::kText) {
    // A write error is reported by FinishStdout (main.cc).
    if (!WriteAll(stdout, SegmentInfoToJson(info) + "\n")) return kExitUsage;
    return incompatible ? kExitFindings : kExitOk;
  }
  if (incompatible) {
    std::fprintf(stderr,
                 "smslint: the text is incompatible with GSM-7 encoding: %zu "
                 "character(s) outside GSM-7, the first '%s' (%s) at %s\n",
                 info.non_gsm.size(), info.non_gsm[0].text.c_str(),
                 base::CodePointsLabel(info.non_gsm[0].text).c_str(),
                 SpanText(info.non_gsm[0].span).c_str());
    return kExitFindings;
  }
  const bool gsm = info.encoding == Encoding::kGsm7;
  std::string out;
  out += "encoding: " + std::string(EncodingName(info.encoding)) +
         (info.smart_encoded ? " (after Smart Encoding)" : "") + "\n";
  out += "segments: " + std::to_string(info.segment_count) + "\n";
  out += std::string(gsm ? "septets: " : "UTF-16 units: ") +
         std::to_string(info.units) + "\n";
  out += "characters: " + std::to_string(info.characters) +
         (gsm ? " (septets)" : " (grapheme clusters)") + "\n";
  out += "code points: " + std::to_string(info.code_points) + "\n";
  out += "bytes: " + std::to_string(info.bytes) + "\n";
  out += "bits: " + std::to_string(info.message_bits) + " (" +
         std::to_string(info.total_bits) + " with headers)\n";
  const std::string_view lb = LineBreakStyleName(info.line_break_style);
  out += "line breaks: " + std::string(lb.empty() ? "none" : lb) + "\n";
  if (info.invalid_utf8) {
    out += "invalid UTF-8 at byte " + std::to_string(info.invalid_utf8_offset) +
           " (analysed as U+FFFD)\n";
  }
  for (size_t i = 0; i < info.segments.size(); ++i) {
    const SegmentSpan& s = info.segments[i];
    out += "segment " + std::to_string(i + 1) + ": " + std::to_string(s.fill) +
           "/" + std::to_string(s.capacity) + " (" + SpanText(s.span) + ")\n";
  }
  if (!info.non_gsm.empty()) {
    out += "non-GSM characters: " + std::to_string(info.non_gsm.size()) + "\n";
    for (const NonGsmCharacter& c : info.non_gsm) {
      out += "  " + base::CodePointsLabel(c.text) + " at " + SpanText(c.span) + "\n";
    }
  }
  if (info.smart_encoded) out += "smart-encoded text: " + info.smart_text + "\n";
  // A write error is reported by FinishStdout (main.cc).
  return WriteAll(stdout, out) ? kExitOk : kExitUsage;
}

}  // namespace smslint::cli
