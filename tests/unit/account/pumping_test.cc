#include "batch/pumping.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

Report To(const std::string& e164, const std::string& region,
          NumberType type = NumberType::kFixedLineOrMobile) {
  Report r;
  NumberInfo n;
  n.e164 = e164;
  n.region = region;
  n.type = type;
  r.to_number = n;
  return r;
}

std::vector<std::string> Ids(const std::vector<PumpingHit>& hits) {
  std::vector<std::string> ids;
  for (const PumpingHit& h : hits) ids.push_back(h.rule_id);
  return ids;
}

PumpingOptions Quiet() {
  PumpingOptions o;
  o.block_min_rows = 1000000;  // only what a test turns on
  o.high_risk_prefixes = false;
  return o;
}

TEST(PumpingTest, SequentialRunsFireFromTheThresholdOn) {
  PumpingOptions o = Quiet();
  o.sequential_run = 3;
  PumpingDetector d(o);
  uint64_t row = 0;
  EXPECT_TRUE(d.Row(To("+14155550101", "US"), ++row).empty());
  EXPECT_TRUE(d.Row(To("+14155550102", "US"), ++row).empty());
  const std::vector<PumpingHit> third = d.Row(To("+14155550103", "US"), ++row);
  ASSERT_EQ(Ids(third), std::vector<std::string>{"pumping/sequential-run"});
  EXPECT_EQ(third[0].args[1].second, "3");
  EXPECT_EQ(third[0].args[2].second, "+14155550101");
  EXPECT_EQ(third[0].args[3].second, "1");
  EXPECT_EQ(Ids(d.Row(To("+14155550104", "US"), ++row)).size(), 1u);
  // A gap ends the run; a row without a number too.
  EXPECT_TRUE(d.Row(To("+14155550106", "US"), ++row).empty());
  EXPECT_TRUE(d.Row(To("+14155550107", "US"), ++row).empty());
  EXPECT_TRUE(d.Row(Report(), ++row).empty());
  EXPECT_TRUE(d.Row(To("+14155550108", "US"), ++row).empty());
  EXPECT_EQ(d.counts().sequential_runs, 1u);
  EXPECT_EQ(d.counts().sequential_rows, 2u);
}

TEST(PumpingTest, SequentialRunsOff) {
  PumpingOptions o = Quiet();
  o.sequential_run = 0;
  PumpingDetector d(o);
  for (int i = 0; i < 10; ++i) {
    EXPECT_TRUE(d.Row(To("+1415555010" + std::to_string(i), "US"), i + 1).empty());
  }
}

TEST(PumpingTest, BlockConcentration) {
  PumpingOptions o = Quiet();
  o.sequential_run = 0;
  o.block_min_rows = 5;
  o.block_share_percent = 40;
  PumpingDetector d(o);
  uint64_t row = 0;
  // Spread rows: never flagged.
  for (int i = 0; i < 10; ++i) {
    EXPECT_TRUE(d.Row(To("+1415" + std::to_string(5550000 + 1001 * i), "US"), ++row).empty());
  }
  // Then 10 in one block: flagged once the block has 5 and > 40% of rows.
  int flagged = 0;
  for (int i = 0; i < 10; ++i) {
    const auto hits = d.Row(To("+4474001234" + std::to_string(10 + 7 * i), "GB"), ++row);
    flagged += !hits.empty();
    if (!hits.empty()) {
      EXPECT_EQ(hits[0].args[1].second, "+447400123XXX");
    }
  }
  EXPECT_EQ(flagged, 4);  // the 7th (7 of 17 rows: 41%) to the 10th
  EXPECT_EQ(d.counts().blocks, 1u);
}

TEST(PumpingTest, CountriesPrefixesAndPremium) {
  PumpingOptions o = Quiet();
  o.sequential_run = 0;
  o.expected_countries = {"us", "CA"};
  o.high_risk_prefixes = true;
  PumpingDetector d(o);
  EXPECT_TRUE(d.Row(To("+14165550123", "CA"), 1).empty());
  EXPECT_EQ(Ids(d.Row(To("+447400123456", "GB"), 2)),
            std::vector<std::string>{"pumping/unexpected-country"});
  EXPECT_EQ(Ids(d.Row(To("+23276123456", "SL"), 3)),
            (std::vector<std::string>{"pumping/unexpected-country", "pumping/high-risk-prefix"}));
  d.Row(To("+19005550123", "US", NumberType::kPremiumRate), 4);
  EXPECT_EQ(d.counts().premium_rows, 1u);
  EXPECT_EQ(d.counts().high_risk_rows, 1u);
  EXPECT_EQ(d.counts().unexpected_country_rows, 2u);
  const std::string human = PumpingHuman(d);
  EXPECT_NE(human.find("unexpected countries: 2 row(s)"), std::string::npos);
  EXPECT_NE(human.find("premium destinations: 1"), std::string::npos);
  EXPECT_EQ(PumpingJson(d),
            "{\"sequential_run\":{\"rows\":0,\"runs\":0},\"number_block_concentration\":"
            "{\"rows\":0,\"blocks\":0},\"unexpected_country\":{\"rows\":2},\"high_risk_prefix\":"
            "{\"rows\":1},\"premium_destination\":{\"rows\":1}}");
}

TEST(PumpingTest, NothingFiredNothingSaid) {
  PumpingDetector d(Quiet());
  d.Row(To("+14155550132", "US"), 1);
  EXPECT_FALSE(d.counts().any());
  EXPECT_EQ(PumpingHuman(d), "");
}

}  // namespace
}  // namespace smslint::cli
