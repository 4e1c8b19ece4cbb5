// Fuzz target for the request's URLs and times (src/request/,
// src/base/iso_time.h): the uriparser-based URL parser, the host classes
// and the status_callback / media_url rules, and the ISO 8601 reader.
//
// Input: the bytes are one URL (and, the same bytes, one timestamp).
//
// Invariants:
//  - nothing crashes or throws on any bytes;
//  - a parsed URL has scheme http or https, a non-empty host, and its parts
//    lie inside the text in order (scheme < userinfo < host <= path);
//    a refused one has an error and an error part inside the text;
//  - an IPv4 host is dotted decimal and its class is a pure function of it;
//  - every diagnostic of CheckStatusCallback is a callback/* rule on field
//    "status_callback" with a span inside the value;
//  - a timestamp that parses prints (FormatUtc) as one that parses back to
//    the same second.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/iso_time.h"
#include "fuzz_checks.h"
#include "request/host_class.h"
#include "request/request_rules.h"
#include "request/request_url.h"
#include "smslint/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace smslint::internal;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const RequestUrl u = ParseRequestUrl(text);
  const auto inside = [&](UrlPart p) { return p.begin <= p.end && p.end <= text.size(); };
  if (u.ok) {
    FUZZ_CHECK(u.scheme == "http" || u.scheme == "https");
    FUZZ_CHECK(inside(u.scheme_part) && inside(u.userinfo) && inside(u.host_part) &&
               inside(u.path));
    FUZZ_CHECK(!u.host_part.empty());
    FUZZ_CHECK(u.scheme_part.end <= u.host_part.begin);
    if (!u.userinfo.empty()) FUZZ_CHECK(u.userinfo.end < u.host_part.begin);
    if (!u.path.empty()) FUZZ_CHECK(u.path.begin >= u.host_part.end);
    if (u.ipv4) {
      for (const char c : u.host) FUZZ_CHECK((c >= '0' && c <= '9') || c == '.');
    }
    const std::string reason = UnreachableHostReason(u);
    FUZZ_CHECK(reason == UnreachableHostReason(u));
  } else {
    FUZZ_CHECK(!u.error.empty());
    FUZZ_CHECK(inside(u.error_part));
  }

  smslint::Message m;
  m.status_callback = std::string(text);
  m.media_urls.push_back(std::string(text));
  smslint::Diagnostic scratch;
  const Emit emit([&](Finding&& f) -> smslint::Diagnostic* {
    const std::string_view id = smslint::AllRules()[f.rule.index].id;
    FUZZ_CHECK(id.starts_with("callback/"));
    FUZZ_CHECK(f.field == "status_callback");
    if (f.span) {
      FUZZ_CHECK(f.span->byte_begin <= f.span->byte_end && f.span->byte_end <= size);
      FUZZ_CHECK(f.span->utf16_begin <= f.span->utf16_end);
    }
    return &scratch;
  });
  CheckStatusCallback(m, emit);

  const smslint::base::IsoTime t = smslint::base::ParseIsoTime(text);
  if (t.unix_seconds) {
    const smslint::base::IsoTime back =
        smslint::base::ParseIsoTime(smslint::base::FormatUtc(*t.unix_seconds));
    FUZZ_CHECK(back.unix_seconds == t.unix_seconds);
  } else {
    FUZZ_CHECK(!t.error.empty() && t.error_at <= size);
  }
  return 0;
}
