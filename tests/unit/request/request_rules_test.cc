// The request rules through Linter::Lint: each rule's must-fire and
// must-not-fire cases, fields and spans.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/iso_time.h"
#include "smslint/linter.h"

namespace smslint {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr std::string_view kNow = "2026-12-03T12:00:00Z";
constexpr const char* kService = "MG0123456789abcdef0123456789abcdef";

const Linter& TheLinter() {
  static const Linter* linter = [] {
    Options o;
    o.now_unix_seconds = *base::ParseIsoTime(kNow).unix_seconds;
    o.owned_domains = {"owned-short.ly"};
    return new Linter(o);
  }();
  return *linter;
}

Message Base() {
  Message m;
  m.to = "+14155550132";
  m.from = "+14155550100";
  m.body = "Your order shipped. Reply STOP to opt out";
  return m;
}

// "rule field [span text]" for the diagnostics of the request's fields.
std::vector<std::string> Found(const Message& m) {
  const Report r = TheLinter().Lint(m);
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.field == "body" || d.field == "to" || d.field == "from") continue;
    std::string s = d.rule_id + " " + d.field;
    std::string_view value;
    if (d.field.starts_with("media_url[")) {
      value = m.media_urls[std::stoul(d.field.substr(10))];
    } else if (d.field == "status_callback") {
      value = m.status_callback;
    } else if (d.field == "send_at") {
      value = m.send_at;
    } else if (d.field == "schedule_type") {
      value = m.schedule_type;
    }
    if (d.span) s += " [" + std::string(value.substr(d.span->byte_begin,
                                                     d.span->byte_end - d.span->byte_begin)) + "]";
    out.push_back(s);
  }
  return out;
}

Message WithMedia(std::vector<std::string> urls) {
  Message m = Base();
  m.media_urls = std::move(urls);
  return m;
}

std::vector<std::string> MediaFound(std::string url) {
  std::vector<std::string> f = Found(WithMedia({std::move(url)}));
  std::erase(f, "media/size-unknown media_url[0]");
  return f;
}

TEST(MediaUrlRulesTest, CleanUrlHasOnlyTheSizeNote) {
  EXPECT_THAT(Found(WithMedia({"https://cdn.acme-shop.com/img/a.png"})),
              ::testing::ElementsAre("media/size-unknown media_url[0]"));
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/render?id=7"), IsEmpty());
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/a.JPG"), IsEmpty());
}

TEST(MediaUrlRulesTest, Invalid) {
  EXPECT_THAT(MediaFound("cdn.acme-shop.com/a.png"),
              ::testing::ElementsAre("media/url-invalid media_url[0] [cdn.acme-shop.com/a.png]"));
  EXPECT_THAT(MediaFound("ftp://cdn.acme-shop.com/a.png"),
              ::testing::ElementsAre("media/url-invalid media_url[0] [ftp]"));
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/my photo.png"),
              ::testing::ElementsAre("media/url-invalid media_url[0] [ ]"));
  EXPECT_THAT(MediaFound("https://1.2.3.256/a.png"),
              ::testing::ElementsAre("media/url-invalid media_url[0] [1.2.3.256]"));
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/my%20photo.png"), IsEmpty());
}

TEST(MediaUrlRulesTest, InsecureAndCredentials) {
  EXPECT_THAT(MediaFound("http://cdn.acme-shop.com/a.png"),
              ::testing::ElementsAre("media/url-insecure media_url[0] [http]"));
  const Report r = TheLinter().Lint(WithMedia({"https://bob:s3cret@cdn.acme-shop.com/a.png"}));
  bool seen = false;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id != "media/url-credentials") continue;
    seen = true;
    EXPECT_EQ(d.span->byte_begin, 8u);
    EXPECT_EQ(d.span->byte_end, 18u);
    EXPECT_EQ(d.message.find("s3cret"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("bob:***@"), std::string::npos) << d.message;
  }
  EXPECT_TRUE(seen);
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/a.png?user=bob"), IsEmpty());
}

TEST(MediaUrlRulesTest, UnreachableHosts) {
  for (const char* url :
       {"http://localhost:8080/a.png", "https://2130706433/a.png", "https://0x7f.1/a.png",
        "https://[::ffff:10.0.0.1]/a.png", "https://[fd00::1]/a.png", "https://[::1]/a.png",
        "https://assets.internal/a.png", "https://nas.lan/a.png", "https://fileserver/a.png",
        "https://100.64.1.1/a.png", "https://169.254.169.254/a.png", "https://0.0.0.0/a.png"}) {
    EXPECT_THAT(MediaFound(url), Contains(::testing::StartsWith("media/url-unreachable-host")))
        << url;
  }
  EXPECT_THAT(MediaFound("https://[::1]/a.png"),
              ::testing::ElementsAre("media/url-unreachable-host media_url[0] [::1]"));
  EXPECT_THAT(MediaFound("https://93.184.215.14/a.png"), IsEmpty());
}

TEST(MediaUrlRulesTest, TooLong) {
  std::string url = "https://cdn.acme-shop.com/a.png?q=";
  url += std::string(4000 - url.size(), 'x');
  EXPECT_THAT(MediaFound(url), IsEmpty());
  url += "yz";
  EXPECT_THAT(MediaFound(url), ::testing::ElementsAre("media/url-too-long media_url[0] [yz]"));
}

TEST(MediaUrlRulesTest, TypeByExtension) {
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/a.zip"),
              ::testing::ElementsAre("media/unsupported-type media_url[0] [zip]"));
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/sticker.webp"),
              ::testing::ElementsAre("media/unsupported-type media_url[0] [webp]"));
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/clip.mp4?v=2"),
              ::testing::ElementsAre("media/not-transcoded media_url[0] [mp4]"));
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/a.png"), IsEmpty());
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/get.php?f=a.zip"), IsEmpty());
  EXPECT_THAT(MediaFound("https://cdn.acme-shop.com/v1.2/"), IsEmpty());
}

TEST(MediaUrlRulesTest, ShortenerAndDeceptiveHostUseTheContentLists) {
  EXPECT_THAT(MediaFound("https://bit.ly/3abcDEF"),
              ::testing::ElementsAre("media/url-shortener media_url[0] [bit.ly]"));
  EXPECT_THAT(MediaFound("https://paypal.com-secure.io/logo.png"),
              ::testing::ElementsAre("media/url-deceptive-host media_url[0] [paypal.com-secure.io]"));
  // Owned domains are exempt, as for body links.
  EXPECT_THAT(MediaFound("https://owned-short.ly/x.png"), IsEmpty());
  Message m = WithMedia({"https://bit.ly/3abcDEF"});
  m.owned_domains = {"bit.ly"};
  EXPECT_THAT(Found(m), Not(Contains(::testing::StartsWith("media/url-shortener"))));
}

TEST(MediaUrlRulesTest, CountAndSizeIncludeUrls) {
  Message m = WithMedia(std::vector<std::string>(6, "https://cdn.acme-shop.com/a.png"));
  for (int i = 0; i < 5; ++i) m.media.push_back({"image/png", 1000, std::nullopt, std::nullopt});
  EXPECT_THAT(Found(m), Contains("media/too-many media"));
  m.media.pop_back();
  EXPECT_THAT(Found(m), Not(Contains("media/too-many media")));
  Message only_urls = WithMedia(std::vector<std::string>(11, "https://cdn.acme-shop.com/a.png"));
  EXPECT_THAT(Found(only_urls), Contains("media/too-many media_url"));
}

TEST(MediaUrlRulesTest, RulesCanBeDisabled) {
  Options o;
  o.disabled_rules = {"media/url-insecure", "media/size-unknown"};
  const Linter linter(o);
  const Report r = linter.Lint(WithMedia({"http://cdn.acme-shop.com/a.png"}));
  for (const Diagnostic& d : r.diagnostics) EXPECT_FALSE(d.field.starts_with("media_url")) << d.rule_id;
}

Message WithCallback(std::string url) {
  Message m = Base();
  m.status_callback = std::move(url);
  return m;
}

TEST(CallbackRulesTest, EachRule) {
  EXPECT_THAT(Found(WithCallback("https://hooks.acme-shop.com/status?id=1")), IsEmpty());
  EXPECT_THAT(Found(WithCallback("https://user:pw@hooks.acme-shop.com/status")), IsEmpty());
  EXPECT_THAT(Found(WithCallback("hooks.acme-shop.com/status")),
              ::testing::ElementsAre("callback/invalid-url status_callback [hooks.acme-shop.com/status]"));
  EXPECT_THAT(Found(WithCallback("https://hooks.acme-shop.com/s?to=+1 415")),
              ::testing::ElementsAre("callback/invalid-url status_callback [ ]"));
  EXPECT_THAT(Found(WithCallback("http://hooks.acme-shop.com/status")),
              ::testing::ElementsAre("callback/insecure-url status_callback [http]"));
  EXPECT_THAT(Found(WithCallback("https://status_hooks.acme-shop.com/s")),
              ::testing::ElementsAre(
                  "callback/underscore-in-host status_callback [status_hooks.acme-shop.com]"));
  EXPECT_THAT(Found(WithCallback("https://localhost:3000/s")),
              ::testing::ElementsAre("callback/unreachable-host status_callback [localhost]"));
  EXPECT_THAT(Found(WithCallback("https://[::ffff:192.168.0.10]/s")),
              ::testing::ElementsAre("callback/unreachable-host status_callback [::ffff:192.168.0.10]"));
  EXPECT_THAT(Found(WithCallback("https://0xa000001/s")),
              ::testing::ElementsAre("callback/unreachable-host status_callback [0xa000001]"));
  std::string url = "https://hooks.acme-shop.com/s?q=";
  url += std::string(4001 - url.size(), 'x');
  EXPECT_THAT(Found(WithCallback(url)),
              ::testing::ElementsAre("callback/too-long status_callback [x]"));
  url.pop_back();
  EXPECT_THAT(Found(WithCallback(url)), IsEmpty());
}

Message Scheduled(std::string send_at) {
  Message m = Base();
  m.from.clear();
  m.messaging_service_id = kService;
  m.send_at = std::move(send_at);
  m.schedule_type = "fixed";
  return m;
}

TEST(ScheduleRulesTest, WellFormedScheduleInsideTheWindow) {
  EXPECT_THAT(Found(Scheduled("2026-12-10T15:00:00Z")), IsEmpty());
  EXPECT_THAT(Found(Scheduled("2026-12-10T10:00:00-05:00")), IsEmpty());
  EXPECT_THAT(Found(Scheduled("2026-12-03T12:15:00Z")), IsEmpty());  // 900 s: inclusive
  EXPECT_THAT(Found(Scheduled("2027-01-07T12:00:00Z")), IsEmpty());  // 35 days: inclusive
}

TEST(ScheduleRulesTest, Window) {
  EXPECT_THAT(Found(Scheduled("2026-12-03T12:03:00Z")),
              ::testing::ElementsAre(
                  "schedule/send-at-outside-window send_at [2026-12-03T12:03:00Z]"));
  EXPECT_THAT(Found(Scheduled("2026-12-01T12:00:00Z")),
              ::testing::ElementsAre(
                  "schedule/send-at-outside-window send_at [2026-12-01T12:00:00Z]"));
  EXPECT_THAT(Found(Scheduled("2027-01-07T12:00:01Z")),
              ::testing::ElementsAre(
                  "schedule/send-at-outside-window send_at [2027-01-07T12:00:01Z]"));
  EXPECT_THAT(Found(Scheduled("2026-12-03T12:05:00Z")),
              ::testing::ElementsAre("schedule/send-at-short-lead send_at [2026-12-03T12:05:00Z]"));
  EXPECT_THAT(Found(Scheduled("2026-12-03T12:14:59Z")),
              ::testing::ElementsAre("schedule/send-at-short-lead send_at [2026-12-03T12:14:59Z]"));
  const Report r = TheLinter().Lint(Scheduled("2026-12-03T12:03:00Z"));
  const auto d = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                              [](const Diagnostic& x) { return x.field == "send_at"; });
  ASSERT_NE(d, r.diagnostics.end());
  EXPECT_EQ(d->message,
            "send_at 2026-12-03T12:03:00Z is 3 min after now (2026-12-03T12:00:00Z); Twilio "
            "schedules from 5 min to 35 days ahead");
}

TEST(ScheduleRulesTest, NowComesFromTheOptionsOrTheClock) {
  Options later;
  later.now_unix_seconds = *base::ParseIsoTime("2026-12-10T14:00:00Z").unix_seconds;
  const Linter linter(later);
  const auto send_at_rules = [](const Report& r) {
    std::vector<std::string> ids;
    for (const Diagnostic& d : r.diagnostics) {
      if (d.field == "send_at") ids.push_back(d.rule_id);
    }
    return ids;
  };
  EXPECT_THAT(send_at_rules(linter.Lint(Scheduled("2026-12-10T15:00:00Z"))), IsEmpty());
  EXPECT_THAT(send_at_rules(linter.Lint(Scheduled("2026-12-03T15:00:00Z"))),
              ::testing::ElementsAre("schedule/send-at-outside-window"));
  // The system clock: a time in 1990 is in the past whenever this runs.
  const Linter clock;
  EXPECT_THAT(send_at_rules(clock.Lint(Scheduled("1990-01-01T00:00:00Z"))),
              ::testing::ElementsAre("schedule/send-at-outside-window"));
}

TEST(ScheduleRulesTest, InvalidSendAt) {
  EXPECT_THAT(Found(Scheduled("2026-12-10 15:00:00Z")),
              ::testing::ElementsAre("schedule/invalid-send-at send_at [ ]"));
  EXPECT_THAT(Found(Scheduled("2026-12-10T15:00:00")),
              ::testing::ElementsAre("schedule/invalid-send-at send_at [2026-12-10T15:00:00]"));
  EXPECT_THAT(Found(Scheduled("2026-02-30T15:00:00Z")),
              ::testing::ElementsAre("schedule/invalid-send-at send_at [2]"));
}

TEST(ScheduleRulesTest, MissingPieces) {
  Message m = Scheduled("2026-12-10T15:00:00Z");
  m.messaging_service_id.clear();
  m.from = "+14155550100";
  EXPECT_THAT(Found(m), ::testing::ElementsAre("schedule/missing-messaging-service send_at"));
  m = Scheduled("2026-12-10T15:00:00Z");
  m.schedule_type.clear();
  EXPECT_THAT(Found(m), ::testing::ElementsAre("schedule/missing-schedule-type send_at"));
  m = Scheduled("");
  EXPECT_THAT(Found(m), ::testing::ElementsAre("schedule/missing-send-at schedule_type"));
  m = Scheduled("2026-12-10T15:00:00Z");
  m.schedule_type = "Fixed";
  EXPECT_THAT(Found(m),
              ::testing::ElementsAre("schedule/invalid-schedule-type schedule_type [Fixed]"));
}

TEST(ScheduleRulesTest, ValidityPeriod) {
  Message m = Base();
  for (int64_t ok : {1, 600, 36000}) {
    m.validity_period = ok;
    EXPECT_THAT(Found(m), IsEmpty()) << ok;
  }
  for (int64_t bad : {int64_t{0}, int64_t{-5}, int64_t{36001}, INT64_MAX}) {
    m.validity_period = bad;
    EXPECT_THAT(Found(m),
                ::testing::ElementsAre("schedule/validity-period-out-of-range validity_period"))
        << bad;
  }
}

}  // namespace
}  // namespace smslint
