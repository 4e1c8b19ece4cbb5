// Google Benchmark of content-risk scoring: Linter::Lint with only the body,
// segment and content rules on (numbers and media disabled), on typical
// bodies in four classes: one segment with and without a link, and three
// segments with and without links. The baseline in the same run is
// AnalyzeSegments alone on the same bodies (the part of Lint that is not
// content scoring), so "content cost = Lint - AnalyzeSegments".
//
//   ninja -C build bench/content_bench && build/bench/content_bench
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "smslint/linter.h"
#include "smslint/segments.h"

namespace {

const std::vector<std::string>& Bodies(int kind) {
  static const std::vector<std::vector<std::string>> kBodies = {
      // 0: one segment, no link
      {"Maple & Co: Weekend sale, 20% off candles. Reply STOP to opt out",
       "Your Acme login code is 482201. It expires in 10 minutes.",
       "Riverside Dental: reminder of your cleaning Tue 3pm. Reply C to confirm",
       "Hi Sam, your table for 4 at Luigi's is ready. See you soon!",
       "Acme Auto: your car is ready for pickup at door 4. Questions? Call us.",
       "Gym update: spin class moved to 6pm tonight. Reply STOP to end alerts",
       "Copper Tap: $3 pints tonight only! Msg&data rates may apply. Txt STOP",
       "Your order #5521 has shipped and arrives Thursday. Reply HELP for help"},
      // 1: one segment with a link
      {"Maple & Co: new stock is in https://maple-and-co.com/new Reply STOP to end",
       "Track order 5521 at https://acme.example/t/5521 Reply STOP to opt out",
       "Your account is locked, restore at https://x.example/r now",
       "Deals: HTTPS://TinyURL.com/y7abc - 50% off today only!!!",
       "Acme: your receipt is at acme.com/r/1 Reply HELP for help",
       "Pay your toll balance at http://203.0.113.7/portal to avoid fees",
       "Riverside Parks: storm closures at https://parks.example.gov/alerts",
       "See the menu at https://luigis.example/menu and book a table"},
      // 2: three segments, no link
      {std::string(
           "Maple & Co: Our biggest weekend sale of the year starts Friday at 9am. "
           "Every candle, diffuser and gift set is 20% off in store, and members "
           "get an extra 5% at checkout. Bring a friend and you both get a free "
           "tote with any purchase over $40. Doors open early for VIP members at "
           "8am. Msg&data rates may apply. Up to 4 msgs/mo. Reply HELP for help, "
           "STOP to opt out."),
       std::string(
           "Acme Auto: Thanks for booking your service with us. Your appointment "
           "is on Tuesday 14 May at 10:30am at our Elm Street shop. Please bring "
           "your keys, the locking wheel nut and any warranty paperwork. The "
           "service takes about two hours; our lounge has coffee and Wi-Fi. To "
           "change the time, reply with a new day. Reply STOP to end reminders.")},
      // 3: three segments with links
      {std::string(
           "Maple & Co: Our biggest weekend sale of the year starts Friday at 9am. "
           "Every candle, diffuser and gift set is 20% off in store and online at "
           "https://maple-and-co.com/sale and members get an extra 5% at checkout. "
           "Find your nearest store at https://maple-and-co.com/stores or track "
           "an order at https://maple-and-co.com/orders. Msg&data rates may "
           "apply. Reply STOP to opt out."),
       std::string(
           "Acme Auto: Thanks for booking your service with us. Your appointment "
           "is on Tuesday 14 May at 10:30am. Directions: https://acme.example/map "
           "Please bring your keys and any warranty paperwork. Reschedule at "
           "https://acme.example/r/55 or call (212) 555-0100. Reply STOP to end "
           "reminders, HELP for help. Read our terms at http://acme.example/t")},
  };
  return kBodies[kind];
}

const smslint::Linter& ContentLinter() {
  static const smslint::Linter* linter = [] {
    smslint::Options o;
    o.disabled_rules = {"to", "from", "message", "media", "mms"};
    return new smslint::Linter(o);
  }();
  return *linter;
}

// Lints the bodies of the benchmark's class as first marketing messages
// to `to` ("" for none).
void LintBodies(benchmark::State& state, const smslint::Linter& linter, const char* to) {
  const auto& bodies = Bodies(static_cast<int>(state.range(0)));
  smslint::Message m;
  m.to = to;
  m.kind = smslint::MessageKind::kMarketing;
  m.first_message = true;
  size_t i = 0;
  for (auto _ : state) {
    m.body = bodies[i++ % bodies.size()];
    benchmark::DoNotOptimize(linter.Lint(m));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Lint(benchmark::State& state) { LintBodies(state, ContentLinter(), ""); }

// "Now" is pinned to a weekday afternoon in California, so the recipient's
// quiet hours (which fire at night for marketing) do not make the figures
// depend on the time the benchmark runs.
constexpr int64_t kAfternoonPt = 1796335200;  // 2026-12-03T22:00:00Z, 14:00 PST

// Every rule on (the default Options) against the same Linter with the
// content area disabled: a disabled area must cost nothing, so the ratio
// of the two is what the content engine costs.
const smslint::Linter& AllLinter(bool content) {
  static const smslint::Linter* all = [] {
    smslint::Options o;
    o.now_unix_seconds = kAfternoonPt;
    return new smslint::Linter(o);
  }();
  static const smslint::Linter* no_content = [] {
    smslint::Options o;
    o.disabled_rules = {"content"};
    o.now_unix_seconds = kAfternoonPt;
    return new smslint::Linter(o);
  }();
  return content ? *all : *no_content;
}

void BM_LintAll(benchmark::State& state) { LintBodies(state, AllLinter(true), "+14155550132"); }
void BM_LintContentDisabled(benchmark::State& state) {
  LintBodies(state, AllLinter(false), "+14155550132");
}

void BM_SegmentsOnly(benchmark::State& state) {
  const auto& bodies = Bodies(static_cast<int>(state.range(0)));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(smslint::AnalyzeSegments(bodies[i++ % bodies.size()]));
  }
  state.SetItemsProcessed(state.iterations());
}

void Classes(benchmark::internal::Benchmark* b) {
  b->ArgName("class");  // 0 one segment, 1 + link, 2 three segments, 3 + links
  for (int k = 0; k < 4; ++k) b->Arg(k);
}

BENCHMARK(BM_SegmentsOnly)->Apply(Classes);
BENCHMARK(BM_Lint)->Apply(Classes);
BENCHMARK(BM_LintAll)->Apply(Classes);
BENCHMARK(BM_LintContentDisabled)->Apply(Classes);

}  // namespace

BENCHMARK_MAIN();
