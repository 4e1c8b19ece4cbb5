// The body classes of the content-scoring benchmarks, shared by
// content_bench (Google Benchmark, time) and content_instr (instructions
// under callgrind), so both measure the same messages.
#ifndef SMSLINT_BENCH_CONTENT_BODIES_H_
#define SMSLINT_BENCH_CONTENT_BODIES_H_

#include <string>
#include <vector>

#include "smslint/linter.h"

namespace smslint::bench {

// 0: one segment, no link; 1: one segment with a link; 2: three segments,
// no link; 3: three segments with links.
inline const std::vector<std::string>& ContentBodies(int kind) {
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

// The Linter options of "content scoring": body, segment and content rules
// (numbers, media and the message checks off).
inline Options ContentOnlyOptions() {
  Options o;
  o.disabled_rules = {"to", "from", "message", "media", "mms"};
  return o;
}

}  // namespace smslint::bench

#endif  // SMSLINT_BENCH_CONTENT_BODIES_H_
