// A C++17 program built only with `pkg-config --cflags --libs smslint`
// (tests/meta/check_pkgconfig.sh): the public headers work in C++17 and the
// flags are enough. Prints one line; exits 1 on a wrong answer.
#include <smslint/smslint.h>

#include <cstdio>
#include <string>

static_assert(__cplusplus == 201703L, "built as C++17");

int main() {
  const smslint::Linter linter;
  int rules = 0;
  for (const smslint::RuleInfo& r : smslint::AllRules()) rules += !r.id.empty();
  const smslint::Span a{1, 2, 1, 2};
  const smslint::Span b{1, 3, 1, 3};
  const std::string json = smslint::ReportToJson(linter.LintJson(
      R"({"To": "+14155550132", "From": "+14155550100", "Body": "it’s"})"));
  const bool ok = linter.ok() && rules > 0 && a == a && a != b &&
                  smslint::FindRule("body/too-long") != nullptr &&
                  json.find("segments/forces-ucs2") != std::string::npos &&
                  linter.SegmentCount(std::string(161, 'a')) == 2;
  std::printf("C++17 consumer of smslint %s: %d rules, %s\n", SMSLINT_VERSION, rules,
              ok ? "ok" : "WRONG");
  return ok ? 0 : 1;
}
