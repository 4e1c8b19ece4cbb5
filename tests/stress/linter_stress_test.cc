// A concurrent stress test of one shared Linter: Linter is documented as
// immutable and safe to call from many threads at once (smslint/linter.h).
// Many threads lint a mixed set of messages (every kind of body, national,
// E.164 and junk numbers, media, content-risk text, Twilio request fields)
// through one Linter per option set, and every JSON report must equal the
// one a single thread produced for the same message. The normal build checks
// the results; the ThreadSanitizer build (scripts/test.sh, build-tsan) also
// checks that no two threads touch shared state without synchronisation.
#include <atomic>
#include <cstdint>
#include <latch>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "smslint/linter.h"
#include "smslint/report.h"

namespace smslint {
namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 2;

const std::vector<std::string>& Bodies() {
  static const auto* bodies = new std::vector<std::string>{
      "",
      "Your code is 123456",
      "Your Acme verification code is 482913. It expires in 10 minutes.",
      std::string(161, 'a'),                  // 2 GSM-7 segments
      std::string(1700, 'b'),                 // body/too-long
      "Hi Sam, it\u2019s Acme Dental: see you Tue at 9:30. Reply STOP to opt out.",
      "\U0001F389 Flash sale! 30% off today only \U0001F6CD\uFE0F Reply STOP to opt out",
      "Hi! Order #10482 has shipped.\r\nCarrier: UPS\r\nReply STOP to opt out.",
      "Price: 10\u20ac {curly} [brackets] ~tilde~ ^caret^ |pipe| \\ back",
      "\xff\xfe invalid \xc3 UTF-8 \xed\xa0\x80 surrogate \xf4\x90\x80\x80",
      std::string("NUL\0inside", 10),
      "\u0928\u092e\u0938\u094d\u0924\u0947 \U0001F468\u200D\U0001F469\u200D\U0001F467 "
      "\U0001F1FA\U0001F1F8\U0001F1EC a\u0301\u0302\u0303",
      "URGENT!!! Your account is SUSPENDED. Verify now at http://bit.ly/x9z or "
      "lose access within 24 hours",
      "Maple & Co: Weekend sale, 20% off candles. Nonstop savings!",
      "Maple & Co: New stock is in. Txt STOP to end",
      "Maple & Co: Nuevas ofertas. Env\u00eda ALTO para darte de baja",
      "Reply 9 to stop these alerts",
      "FREE F.R.E.E fr33 c@sh prize WINNER click https://paypa1-secure.example.net/login",
      "Acme: your parcel is held. Pay the fee at https://acme.example.com.evil.test/pay "
      "Msg&data rates may apply. Reply HELP for help, STOP to cancel.",
      "Welcome to Harbor Alerts! You'll get storm updates.",
      "START JOIN YES reply UNSTOP to resume",
      "Visit https://maple-and-co.com/t/1 or tinyurl.com/abc or goo.gl/xyz",
      std::string(400, 'x') + "\u2019" + std::string(300, 'y'),
      "\u062a\u062c\u0631\u0628\u0629 \u0627\u0644\u0646\u0635 \u0627\u0644\u0639\u0631\u0628\u064a",
  };
  return *bodies;
}

// {to, from, region}
struct Numbers {
  const char* to;
  const char* from;
  const char* region;
  const char* service;
};
constexpr Numbers kNumbers[] = {
    {"+14155550132", "+14155550100", "", ""},
    {"4155550132", "4155550100", "US", ""},
    {"(415) 555-0132", "+1 415 555 0100", "", ""},
    {"+447400123456", "Acme", "", ""},
    {"07400 123456", "Acme", "GB", ""},
    {"+4930123456", "+14155550100", "", ""},
    {"junk", "", "", "MG0123456789abcdef0123456789abcdef"},
    {"", "12345", "", ""},
    {"+999123", "+1", "ZZ", ""},
    {"+1415555013299999999", "tel:+14155550100", "", ""},
    {"+8613800138000", "+14155550100", "CN", ""},
    {"+33 6 12 34 56 78", "ACME-LTD-TOO-LONG-SENDER", "FR", ""},
};

Media Item(std::string type, std::optional<uint64_t> size) {
  Media m;
  m.content_type = std::move(type);
  m.size_bytes = size;
  return m;
}

std::vector<Media> MediaSet(int i) {
  switch (i % 7) {
    case 0:
      return {};
    case 1:
      return {Item("image/jpeg", 120000)};
    case 2:
      return {Item("image/jpeg", std::numeric_limits<uint64_t>::max()),
              Item("image/png", 1)};
    case 3: {
      Media m = Item("image/png", std::nullopt);
      m.bytes = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
      return {m, Item("application/x-msdownload", 10)};
    }
    case 4: {
      std::vector<Media> many(11, Item("image/gif", 1000));
      return many;
    }
    case 5: {
      Media m = Item("image/png", std::nullopt);
      m.path = "boarding-pass.png";  // read only when media_root is set
      Media outside = Item("text/plain", std::nullopt);
      outside.path = "../../etc/passwd";  // always refused
      return {m, outside};
    }
    default: {
      Media m = Item("", std::nullopt);
      m.bytes = "%PDF-1.4 not an image";
      return {m};
    }
  }
}

std::vector<Message> Messages() {
  constexpr MessageKind kKinds[] = {
      MessageKind::kUnspecified,  MessageKind::kMarketing,
      MessageKind::kTransactional, MessageKind::kOtp,
      MessageKind::kConversational, MessageKind::kInformational};
  std::vector<Message> out;
  const auto& bodies = Bodies();
  int i = 0;
  for (const std::string& body : bodies) {
    for (const Numbers& n : kNumbers) {
      Message m;
      m.id = "m" + std::to_string(i);
      m.to = n.to;
      m.from = n.from;
      m.region = n.region;
      m.messaging_service_id = n.service;
      m.body = body;
      m.kind = kKinds[i % 6];
      m.first_message = i % 5 == 0;
      // Only some messages carry media, so plain SMS stay the majority.
      if (i % 3 == 0) m.media = MediaSet(i / 3);
      if (i % 11 == 0) m.media_urls = {"https://example.com/a.jpg"};
      if (i % 13 == 0) {
        m.validity_period = i % 2 ? 5 : 100000;
        m.send_at = i % 2 ? "2026-13-40T99:00:00Z" : "2030-01-01T10:00:00Z";
        m.schedule_type = "fixed";
        m.status_callback = "ftp://callback.example.com/x";
      }
      if (i % 17 == 0) {
        m.brand = "Maple & Co";
        m.owned_domains = {"maple-and-co.com"};
      }
      out.push_back(std::move(m));
      ++i;
    }
  }
  return out;
}

// One Linter per option set: defaults, disabled rules with overrides and
// weights, small limits on libphonenumber alone, and media files allowed.
// "now" is pinned: scheduling findings quote it, and a clock that ticks
// between the single-threaded and the threaded runs is not a race.
constexpr int64_t kNow = 1796304600;  // 2026-12-03T13:30:00Z

std::vector<std::unique_ptr<const Linter>> Linters() {
  std::vector<std::unique_ptr<const Linter>> out;
  Options defaults;
  defaults.now_unix_seconds = kNow;
  out.push_back(std::make_unique<const Linter>(defaults));

  Options a;
  a.now_unix_seconds = kNow;
  a.disabled_rules = {"segments/forces-ucs2", "content/all-caps", "mms"};
  a.severity_overrides = {{"body/too-long", Severity::kInfo},
                          {"content/missing-opt-out", Severity::kError},
                          {"segments/too-many-segments", Severity::kWarning}};
  a.weights = {{"content", 0.5}, {"content/phishing-lure", 4.0}};
  a.elevated_threshold = 1.0;
  a.high_threshold = 2.5;
  a.default_region = "US";
  a.brand = "Acme";
  a.owned_domains = {"acme.example.com"};
  a.extra_shorteners = {"sho.rt"};
  out.push_back(std::make_unique<const Linter>(a));

  Options b;
  b.now_unix_seconds = kNow;
  b.max_segments = 2;
  b.max_body_characters = 100;
  b.suggest_smart_encoding = false;
  b.fast_numbers = false;
  b.default_region = "GB";
  b.disabled_rules = {"content"};
  out.push_back(std::make_unique<const Linter>(b));

  Options c;
  c.now_unix_seconds = kNow;
  c.media_root = SMSLINT_EXAMPLES_DIR;
  c.severity_overrides = {{"media/unreadable", Severity::kError}};
  out.push_back(std::make_unique<const Linter>(c));
  return out;
}

struct Expected {
  std::string json;
  uint32_t segment_count;
  bool sendable;
};

Expected LintOnce(const Linter& linter, const Message& m, size_t line) {
  ReportContext context;
  context.line = line;
  return {ReportToJson(linter.Lint(m), context), linter.SegmentCount(m.body),
          linter.IsSendable(m)};
}

TEST(LinterStressTest, ManyThreadsOneLinterMatchSingleThread) {
  const std::vector<Message> messages = Messages();
  const auto linters = Linters();
  for (const auto& l : linters) ASSERT_TRUE(l->ok()) << l->error();

  // The single-threaded answers.
  std::vector<std::vector<Expected>> expected(linters.size());
  for (size_t l = 0; l < linters.size(); ++l) {
    for (size_t i = 0; i < messages.size(); ++i) {
      expected[l].push_back(LintOnce(*linters[l], messages[i], i + 1));
    }
  }
  // The option sets must make a difference, or the test proves less.
  ASSERT_NE(expected[0][60].json, expected[1][60].json);
  ASSERT_NE(expected[0][60].json, expected[2][60].json);

  std::atomic<int> mismatches{0};
  std::atomic<int> runs{0};
  std::mutex first_mutex;
  std::string first_mismatch;
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();  // all threads lint at once
      const size_t n = messages.size();
      for (int round = 0; round < kRounds; ++round) {
        // Each thread walks the messages in its own order and switches
        // Linter every message, so threads meet on every Linter and message.
        for (size_t k = 0; k < n; ++k) {
          const size_t i = (k * (2 * t + 1) + t * 37 + round * 11) % n;
          const size_t l = (k + t + round) % linters.size();
          const Expected got = LintOnce(*linters[l], messages[i], i + 1);
          runs.fetch_add(1, std::memory_order_relaxed);
          const Expected& want = expected[l][i];
          if (got.json != want.json || got.segment_count != want.segment_count ||
              got.sendable != want.sendable) {
            if (mismatches.fetch_add(1) == 0) {
              std::lock_guard<std::mutex> lock(first_mutex);
              first_mismatch = "linter " + std::to_string(l) + ", message " +
                               std::to_string(i) + "\n got: " + got.json +
                               "\nwant: " + want.json;
            }
          }
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(runs.load(), kThreads * kRounds * static_cast<int>(messages.size()));
  EXPECT_EQ(mismatches.load(), 0) << first_mismatch;
}

// Linters built concurrently, each used by its own thread at once, agree
// with one built beforehand (construction warms shared state up).
TEST(LinterStressTest, ConcurrentConstructionAgrees) {
  const std::vector<Message> messages = Messages();
  Options o;
  o.now_unix_seconds = kNow;
  o.default_region = "US";
  o.disabled_rules = {"content/urgency-language"};
  std::vector<std::string> want;
  {
    const Linter reference(o);
    for (const Message& m : messages) want.push_back(ReportToJson(reference.Lint(m)));
  }
  std::atomic<int> mismatches{0};
  std::latch start(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      const Linter mine(o);
      for (size_t i = t; i < messages.size(); i += 4) {
        if (ReportToJson(mine.Lint(messages[i])) != want[i]) ++mismatches;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace smslint
