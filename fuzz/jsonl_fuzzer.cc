// Fuzz target for the JSON Lines reader (cli/jsonl_reader.h).
//
// The whole input is one line, passed as is to ParseMessageLine (the real
// reader never passes a '\n', but ParseMessageLine must not care). A usable
// message is then linted and its report checked like segments_fuzzer does.
//
// Invariants:
//  - ParseMessageLine never throws (its contract in jsonl_reader.h);
//  - usable == false exactly when there is an input/invalid-json,
//    input/wrong-type or input/duplicate-field problem;
//  - every problem is an input/* rule the Linter knows, with line "1";
//  - a usable message's strings are valid UTF-8 (the JSON parser checks);
//  - the report of a usable message passes CheckReport (in
//    jsonl_fast_fuzzer, on a sample of inputs: OracleFor in fuzz_checks.h).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

#include "fuzz_checks.h"
#include "jsonl_reader.h"
#include "smslint/linter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  static const smslint::Linter linter;

  smslint::cli::ParsedLine parsed;
  try {
    parsed = smslint::cli::ParseMessageLine(line, 1);
  } catch (const std::exception& e) {
    smslint_fuzz::Fail(__FILE__, __LINE__, "ParseMessageLine never throws",
                       std::string(typeid(e).name()) + ": " + e.what());
  } catch (...) {
    smslint_fuzz::Fail(__FILE__, __LINE__, "ParseMessageLine never throws",
                       "non-std exception");
  }

  bool fatal_problem = false;
  for (const smslint::cli::InputProblem& p : parsed.problems) {
    FUZZ_CHECK_MSG(p.rule_id.starts_with("input/"), p.rule_id);
    if (p.rule_id == "input/invalid-json" || p.rule_id == "input/wrong-type" ||
        p.rule_id == "input/duplicate-field") {
      fatal_problem = true;
    }
    bool has_line = false;
    for (const auto& [k, v] : p.args) {
      if (k == "line") has_line = v == "1";
    }
    FUZZ_CHECK_MSG(has_line, p.rule_id);
    // What check_command does with it: the rule exists and renders.
    const auto d = linter.MakeDiagnostic(p.rule_id, "input", std::nullopt,
                                         p.args);
    FUZZ_CHECK_MSG(d.has_value(), p.rule_id);
    FUZZ_CHECK_MSG(!d->message.empty(), p.rule_id);
    smslint::Report r;
    r.diagnostics.push_back(*d);
    const std::string json = smslint::ReportToJson(r, {.line = 1, .row = {}});
    FUZZ_CHECK_MSG(nlohmann::json::accept(json), json);
  }
  FUZZ_CHECK_MSG(parsed.usable == !fatal_problem,
                 std::string("usable=") + (parsed.usable ? "true" : "false"));
  if (!parsed.usable) return 0;

  const smslint::Message& m = parsed.message;
  for (const std::string* s : {&m.id, &m.to, &m.from, &m.messaging_service_id,
                               &m.body, &m.status_callback, &m.send_at,
                               &m.schedule_type}) {
    FUZZ_CHECK_MSG(!smslint_fuzz::DecodeLight(*s).invalid, *s);
  }
  for (const smslint::Media& media : m.media) {
    FUZZ_CHECK(!smslint_fuzz::DecodeLight(media.content_type).invalid);
    if (media.path) FUZZ_CHECK(!smslint_fuzz::DecodeLight(*media.path).invalid);
  }
  const smslint::Report r = linter.Lint(m);
  if (!smslint_fuzz::OracleFor(data, size)) {  // jsonl_fast_fuzzer
    (void)smslint::ReportToJson(r, {.line = 1, .row = {}});
    return 0;
  }
  smslint_fuzz::CheckReport(linter, m, r);
  FUZZ_CHECK(!r.segments.invalid_utf8);
  return 0;
}
