// The account rules through the Linter: each must fire on its example and
// must not fire on the near miss (data/rules/account.toml).
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "account/account_checks.h"
#include "account/suppression_list.h"
#include "numbers/phone_util.h"
#include "smslint/linter.h"

namespace smslint {
namespace {

using ::testing::Contains;
using ::testing::Not;

std::vector<std::string> RuleIds(const Report& r) {
  std::vector<std::string> ids;
  for (const Diagnostic& d : r.diagnostics) ids.push_back(d.rule_id);
  return ids;
}

const Diagnostic* Find(const Report& r, std::string_view id) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == id) return &d;
  }
  return nullptr;
}

Message Msg(std::string to, std::string from = "+14155550100",
            std::string body = "Acme: your order shipped. Reply STOP to opt out.") {
  Message m;
  m.to = std::move(to);
  m.from = std::move(from);
  m.body = std::move(body);
  return m;
}

Options Us() {
  Options o;
  o.default_region = "US";
  return o;
}

// A temporary file holding `text`, removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(const std::string& text) {
    char path[] = "/tmp/smslint_account_XXXXXX";
    const int fd = mkstemp(path);
    close(fd);
    path_ = path;
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(AccountRulesTest, NothingFiresWithoutConfiguration) {
  const Linter linter(Us());
  ASSERT_TRUE(linter.ok()) << linter.error();
  for (const Diagnostic& d : linter.Lint(Msg("+14155550132")).diagnostics) {
    EXPECT_FALSE(d.rule_id.starts_with("account/")) << d.rule_id;
  }
}

TEST(AccountRulesTest, EmbargoedDestinationsAlwaysFire) {
  const Linter linter(Us());
  const Report r = linter.Lint(Msg("+989121234567"));
  const Diagnostic* d = Find(r, "account/embargoed-destination");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::kError);
  EXPECT_EQ(d->twilio_code, 21408);
  EXPECT_NE(d->message.find("Iran (+98) since 2025-03-15"), std::string::npos);
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+5352123456"))), Contains("account/embargoed-destination"));
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+963944567890"))), Contains("account/embargoed-destination"));
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+4915123456789"))),
              Not(Contains("account/embargoed-destination")));
  // +52 (Mexico) shares no prefix with +53.
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+525512345678"))),
              Not(Contains("account/embargoed-destination")));
}

TEST(AccountRulesTest, GeoPermissionsCompareByTheNumbersRegion) {
  Options o = Us();
  o.account.geo_permissions = {"us", "CA", "RU"};
  const Linter linter(o);
  ASSERT_TRUE(linter.ok()) << linter.error();
  const Report gb = linter.Lint(Msg("+447400123456"));
  const Diagnostic* d = Find(gb, "account/geo-permission-disabled");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message, "the recipient +447400123456 is in GB, which is not among the "
                        "account's geo permissions (US, CA, RU)");
  // +1: Toronto is CA, allowed; Puerto Rico and Jamaica are their own regions.
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+14165550123"))),
              Not(Contains("account/geo-permission-disabled")));
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+17875550123"))), Contains("account/geo-permission-disabled"));
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+18765550123"))), Contains("account/geo-permission-disabled"));
  // +7: Moscow is RU (allowed), Almaty is KZ (not).
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+74951234567"))),
              Not(Contains("account/geo-permission-disabled")));
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+77272123456"))), Contains("account/geo-permission-disabled"));
  // An embargoed destination gets the embargo, not both.
  const std::vector<std::string> ir = RuleIds(linter.Lint(Msg("+989121234567")));
  EXPECT_THAT(ir, Contains("account/embargoed-destination"));
  EXPECT_THAT(ir, Not(Contains("account/geo-permission-disabled")));
}

TEST(AccountRulesTest, UnknownGeoRegionIsAnOptionError) {
  Options o = Us();
  o.account.geo_permissions = {"US", "XX"};
  const Linter linter(o);
  EXPECT_FALSE(linter.ok());
  EXPECT_EQ(linter.error(), "account.geo_permissions: unknown region");
  EXPECT_EQ(linter.error_arg(), "XX");
}

TEST(AccountRulesTest, TrialAccounts) {
  Options o = Us();
  o.account.trial = true;
  o.account.verified_numbers = {"(415) 555-0132"};
  o.account.trial_numbers = {"+14155550100"};
  const Linter linter(o);
  ASSERT_TRUE(linter.ok()) << linter.error();
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+14155550132"))),
              Not(Contains("account/trial-unverified-recipient")));
  const Report r = linter.Lint(Msg("+14155550133", "+14155550199"));
  EXPECT_THAT(RuleIds(r), Contains("account/trial-unverified-recipient"));
  const Diagnostic* d = Find(r, "account/trial-sender");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->twilio_code, 21607);
  EXPECT_EQ(d->message, "a trial account can send only from its trial number (+14155550100), "
                        "not +14155550199");
  // Not a trial: the lists are ignored.
  o.account.trial = false;
  const Linter paid(o);
  EXPECT_THAT(RuleIds(paid.Lint(Msg("+14155550133", "+14155550199"))),
              Not(Contains("account/trial-unverified-recipient")));
  // A verified number that is not a number is refused.
  o.account.verified_numbers = {"call me"};
  const Linter bad(o);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error_arg(), "call me");
}

TEST(AccountRulesTest, SuppressionListsNameFileAndLineAndHonourScope) {
  const TempFile all("phone,when\n+14155550123,2026-01-01\n(415) 555-0145,2026-01-02\n");
  const TempFile marketing("+1 415 555 0188\n");
  Options o = Us();
  o.account.suppression_lists = {{all.path(), ""},
                                 {marketing.path(), "MG0123456789abcdef0123456789abcdef"}};
  const Linter linter(o);
  ASSERT_TRUE(linter.ok()) << linter.error();
  const Report r = linter.Lint(Msg("4155550145"));
  const Diagnostic* d = Find(r, "account/suppressed-recipient");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->twilio_code, 21610);
  EXPECT_EQ(d->message, "the recipient +14155550145 opted out: it is on the suppression list " +
                            all.path() + ":3");
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+14155550124"))),
              Not(Contains("account/suppressed-recipient")));
  // The scoped list applies to its messaging service only.
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+14155550188"))),
              Not(Contains("account/suppressed-recipient")));
  Message via = Msg("+14155550188", "");
  via.messaging_service_id = "MG0123456789abcdef0123456789abcdef";
  EXPECT_THAT(RuleIds(linter.Lint(via)), Contains("account/suppressed-recipient"));
}

TEST(AccountRulesTest, ABadSuppressionListMakesTheLinterNotOk) {
  const TempFile bad("+14155550123\nnot a number\n");
  Options o = Us();
  o.account.suppression_lists = {{bad.path(), ""}};
  const Linter linter(o);
  EXPECT_FALSE(linter.ok());
  EXPECT_EQ(linter.error(), "suppression list " + bad.path() +
                                ":2: 'not a number' is not a phone number");
  EXPECT_EQ(linter.error_arg(), bad.path() + ":2");
  o.account.suppression_lists = {{"/nonexistent/optouts.csv", ""}};
  const Linter missing(o);
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.error(),
            "suppression list /nonexistent/optouts.csv: cannot open: No such file or directory");
  // National format needs a default region.
  const TempFile national("(415) 555-0145\n");
  Options n;
  n.account.suppression_lists = {{national.path(), ""}};
  const Linter no_region(n);
  EXPECT_FALSE(no_region.ok());
  EXPECT_NE(no_region.error().find("national format and no default region"), std::string::npos);
}

Options Senders() {
  Options o = Us();
  o.account.senders = {
      {"+14155550100", SenderKind::kTenDlc, SenderStatus::kRegistered, "notify"},
      {"+14155550111", SenderKind::kTenDlc, SenderStatus::kUnregistered, ""},
      {"+14155550122", SenderKind::kTenDlc, SenderStatus::kPending, ""},
      {"+18445550100", SenderKind::kTollFree, SenderStatus::kRestricted, ""},
      {"+18445550101", SenderKind::kTollFree, SenderStatus::kPending, ""},
      {"+18445550102", SenderKind::kTollFree, SenderStatus::kVerified, ""},
      {"+14155550133", SenderKind::kTenDlc, SenderStatus::kRegistered, "otp"},
      {"Acme", SenderKind::kAlphanumeric, SenderStatus::kUnspecified, ""},
  };
  AccountCampaign notify;
  notify.name = "notify";
  notify.use_case = "ACCOUNT_NOTIFICATION";
  notify.has_embedded_phone = false;
  AccountCampaign otp;
  otp.name = "otp";
  otp.use_case = "2FA";
  otp.has_embedded_links = false;
  o.account.campaigns = {notify, otp};
  return o;
}

TEST(AccountRulesTest, TenDlcRegistration) {
  const Linter linter(Senders());
  ASSERT_TRUE(linter.ok()) << linter.error();
  const Report pr = linter.Lint(Msg("+17875550123", "+14155550111"));
  const Diagnostic* d = Find(pr, "account/ten-dlc-unregistered");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::kError);
  EXPECT_EQ(d->twilio_code, 30034);
  // Canada is not US-bound.
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+14165550123", "+14155550111"))),
              Not(Contains("account/ten-dlc-unregistered")));
  const Report pending = linter.Lint(Msg("+14155550132", "+14155550122"));
  ASSERT_NE(Find(pending, "account/ten-dlc-pending"), nullptr);
  EXPECT_EQ(Find(pending, "account/ten-dlc-pending")->severity, Severity::kWarning);
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+14155550132", "(415) 555-0100"))),
              Not(Contains("account/ten-dlc-pending")));
}

TEST(AccountRulesTest, TollFreeVerification) {
  const Linter linter(Senders());
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+14165550123", "+18445550100"))),
              Contains("account/toll-free-unverified"));
  const Report pending = linter.Lint(Msg("+14155550132", "+18445550101"));
  ASSERT_NE(Find(pending, "account/toll-free-unverified"), nullptr);
  EXPECT_EQ(Find(pending, "account/toll-free-unverified")->twilio_code, 30032);
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+14155550132", "+18445550102"))),
              Not(Contains("account/toll-free-unverified")));
  // Outside the US and Canada the restriction does not apply.
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+447400123456", "+18445550100"))),
              Not(Contains("account/toll-free-unverified")));
}

TEST(AccountRulesTest, SenderInventory) {
  const Linter linter(Senders());
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+14155550132", "+14155550199"))),
              Contains("account/sender-not-in-inventory"));
  EXPECT_THAT(RuleIds(linter.Lint(Msg("+447400123456", "Acme"))),
              Not(Contains("account/sender-not-in-inventory")));
  Message via = Msg("+14155550132", "");
  via.messaging_service_id = "MG0123456789abcdef0123456789abcdef";
  EXPECT_THAT(RuleIds(linter.Lint(via)), Not(Contains("account/sender-not-in-inventory")));
}

TEST(AccountRulesTest, CampaignMismatches) {
  const Linter linter(Senders());
  Message link = Msg("+14155550132", "+14155550133", "Your code is 123456. https://acme.example/help");
  link.kind = MessageKind::kOtp;
  const Report r = linter.Lint(link);
  const Diagnostic* d = Find(r, "account/campaign-link-undeclared");
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->span.has_value());
  EXPECT_THAT(RuleIds(r), Not(Contains("account/campaign-use-case-mismatch")));
  Message plain = link;
  plain.body = "Your code is 123456";
  EXPECT_THAT(RuleIds(linter.Lint(plain)), Not(Contains("account/campaign-link-undeclared")));
  plain.kind = MessageKind::kMarketing;
  EXPECT_THAT(RuleIds(linter.Lint(plain)), Contains("account/campaign-use-case-mismatch"));
  plain.kind = MessageKind::kUnspecified;
  EXPECT_THAT(RuleIds(linter.Lint(plain)), Not(Contains("account/campaign-use-case-mismatch")));

  Message phone = Msg("+14155550132", "+14155550100",
                      "Acme: call us at (415) 555-0132 to reschedule. Reply STOP to opt out.");
  EXPECT_THAT(RuleIds(linter.Lint(phone)), Contains("account/campaign-phone-undeclared"));
  // Found even with content/embedded-phone-number disabled.
  Options o = Senders();
  o.disabled_rules = {"content"};
  const Linter quiet(o);
  EXPECT_THAT(RuleIds(quiet.Lint(phone)), Contains("account/campaign-phone-undeclared"));
  phone.body = "Acme: reply YES to confirm. Reply STOP to opt out.";
  EXPECT_THAT(RuleIds(linter.Lint(phone)), Not(Contains("account/campaign-phone-undeclared")));
}

TEST(AccountRulesTest, BadInventoryIsAnOptionError) {
  Options o = Senders();
  o.account.senders.push_back({"+1 415 555 0100", SenderKind::kTenDlc, SenderStatus::kPending, ""});
  EXPECT_FALSE(Linter(o).ok());
  o = Senders();
  o.account.campaigns[0].use_case = "NOT_A_USE_CASE";
  const Linter bad(o);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error_arg(), "NOT_A_USE_CASE");
}

// The normaliser's NANP shortcut gives libphonenumber's answer: the same
// key, and the number possible, for "+1" and an area code 2-9.
TEST(AccountRulesTest, NanpShortcutAgreesWithLibphonenumber) {
  const internal::PhoneUtil& phones = internal::PhoneUtil::Get();
  uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 5000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    std::string cell = "+1" + std::to_string(2 + x % 8);
    for (int d = 0; d < 9; ++d) cell += static_cast<char>('0' + (x >> (4 + 3 * d)) % 10);
    ASSERT_TRUE(internal::IsPlainNanpE164(cell));
    for (const char* region : {"", "US", "GB"}) {
      const internal::PhoneFacts f = phones.AnalyzeWithLibphonenumber(cell, region);
      ASSERT_EQ(f.parse, internal::ParseStatus::kOk) << cell;
      ASSERT_EQ(f.possibility, internal::Possibility::kPossible) << cell;
      ASSERT_EQ(f.e164, cell);
    }
  }
  EXPECT_FALSE(internal::IsPlainNanpE164("+11155550123"));
  EXPECT_FALSE(internal::IsPlainNanpE164("+1415555012"));
  EXPECT_FALSE(internal::IsPlainNanpE164("+1 4155550123"));
}

}  // namespace
}  // namespace smslint
