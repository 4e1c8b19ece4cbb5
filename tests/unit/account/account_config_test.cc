// [account] in smslint.toml (src/config.cc) into Options::account.
#include <gtest/gtest.h>

#include "smslint/config.h"

namespace smslint {
namespace {

TEST(AccountConfigTest, ReadsEverySetting) {
  Options o;
  ConfigError e;
  ASSERT_TRUE(LoadConfigString(R"(
[account]
trial = true
verified_numbers = ["+14155550123"]
trial_numbers = ["+14155550100"]
geo_permissions = ["US", "CA"]
suppression_list = ["a.csv", { path = "/lists/b.txt", scope = "+14155550100" }]

[[account.senders]]
number = "+14155550100"
kind = "10dlc"
status = "pending"
campaign = "otp"

[[account.senders]]
number = "+18445550100"
kind = "toll_free"
status = "restricted"

[account.campaigns.otp]
use_case = "2FA"
has_embedded_links = false
has_embedded_phone = false
age_gated = true
direct_lending = true

[account.pumping]
expected_countries = ["US"]
sequential_run = 0
block_digits = 4
block_share_percent = 12.5
block_min_rows = 100
high_risk_prefixes = false
premium_destinations = false
)", "t.toml", &o, &e)) << e.ToString();
  const AccountOptions& a = o.account;
  EXPECT_TRUE(a.trial);
  EXPECT_EQ(a.verified_numbers, std::vector<std::string>{"+14155550123"});
  EXPECT_EQ(a.trial_numbers, std::vector<std::string>{"+14155550100"});
  EXPECT_EQ(a.geo_permissions, (std::vector<std::string>{"US", "CA"}));
  ASSERT_EQ(a.suppression_lists.size(), 2u);
  EXPECT_EQ(a.suppression_lists[0].path, "a.csv");  // text: stays relative
  EXPECT_EQ(a.suppression_lists[1].scope, "+14155550100");
  ASSERT_EQ(a.senders.size(), 2u);
  EXPECT_EQ(a.senders[0].kind, SenderKind::kTenDlc);
  EXPECT_EQ(a.senders[0].status, SenderStatus::kPending);
  EXPECT_EQ(a.senders[0].campaign, "otp");
  EXPECT_EQ(a.senders[1].status, SenderStatus::kRestricted);
  ASSERT_EQ(a.campaigns.size(), 1u);
  EXPECT_EQ(a.campaigns[0].name, "otp");
  EXPECT_FALSE(a.campaigns[0].has_embedded_links);
  EXPECT_TRUE(a.campaigns[0].direct_lending);
  EXPECT_EQ(a.pumping.sequential_run, 0u);
  EXPECT_EQ(a.pumping.block_digits, 4u);
  EXPECT_DOUBLE_EQ(a.pumping.block_share_percent, 12.5);
  EXPECT_FALSE(a.pumping.high_risk_prefixes);
}

TEST(AccountConfigTest, ASingleListPath) {
  Options o;
  ConfigError e;
  ASSERT_TRUE(LoadConfigString("[account]\nsuppression_list = \"optouts.csv\"\n", "t", &o, &e));
  ASSERT_EQ(o.account.suppression_lists.size(), 1u);
  EXPECT_EQ(o.account.suppression_lists[0].path, "optouts.csv");
}

TEST(AccountConfigTest, StrictErrorsNameTheKey) {
  struct Case {
    const char* toml;
    const char* expected;
  };
  const Case cases[] = {
      {"[account]\ntrail = true\n", "t:2:9: account.trail: unknown key"},
      {"[account]\ntrial = 1\n", "t:2:9: account.trial: must be true or false"},
      {"[[account.senders]]\nnumber = \"+14155550100\"\nkind = \"10DLC\"\n",
       "t:3:8: account.senders.kind: must be \"10dlc\", \"toll_free\", \"short_code\" or "
       "\"alphanumeric\""},
      {"[[account.senders]]\nnumber = \"+14155550100\"\nkind = \"10dlc\"\nstatus = \"verified\"\n",
       "t:4:10: account.senders.status: a 10dlc sender's status is \"registered\", \"pending\" "
       "or \"unregistered\""},
      {"[[account.senders]]\nkind = \"10dlc\"\n", "t:1:1: account.senders.number: is required"},
      {"[[account.senders]]\nnumber = \"+14155550100\"\nkind = \"10dlc\"\ncampaign = \"x\"\n",
       "t:1:1: account.senders.campaign: \"x\" is not an [account.campaigns.x] table"},
      {"[account.campaigns.x]\nuse_cas = \"2FA\"\n", "t:2:11: account.campaigns.x.use_cas: unknown key"},
      {"[account]\nsuppression_list = [{ scope = \"+1\" }]\n",
       "t:2:21: account.suppression_list.path: is required"},
      {"[account.pumping]\nblock_digits = 9\n", "t:2:16: account.pumping.block_digits: must be between 1 and 8"},
  };
  for (const Case& c : cases) {
    Options o;
    ConfigError e;
    EXPECT_FALSE(LoadConfigString(c.toml, "t", &o, &e)) << c.toml;
    EXPECT_EQ(e.ToString(), c.expected) << c.toml;
    EXPECT_TRUE(o.account.senders.empty());
  }
}

}  // namespace
}  // namespace smslint
