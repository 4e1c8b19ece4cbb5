#include "batch/dup_table.h"

#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

TEST(DupTableTest, SecondSightingNamesTheFirst) {
  DupTable t;
  EXPECT_FALSE(t.Check(14155550132, 1, 2).duplicate);
  EXPECT_FALSE(t.Check(14155550133, 2, 3).duplicate);
  const DupTable::Hit hit = t.Check(14155550132, 5, 9);
  EXPECT_TRUE(hit.duplicate);
  EXPECT_EQ(hit.first_row, 1u);
  EXPECT_EQ(hit.first_line, 2u);
  // The third sighting still names the first, not the second.
  EXPECT_EQ(t.Check(14155550132, 7, 12).first_row, 1u);
  EXPECT_FALSE(t.capped());
}

TEST(DupTableTest, KeyZeroIsNeverADuplicate) {
  DupTable t;
  EXPECT_FALSE(t.Check(0, 1, 1).duplicate);
  EXPECT_FALSE(t.Check(0, 2, 2).duplicate);
}

TEST(DupTableTest, CapsAtMaxUniqueButKeepsCheckingKnownKeys) {
  DupTable t;
  for (uint64_t k = 1; k <= DupTable::kMaxUnique; ++k) t.Check(k, k, k);
  EXPECT_FALSE(t.capped());
  EXPECT_FALSE(t.Check(DupTable::kMaxUnique + 1, 1, 1).duplicate);
  EXPECT_TRUE(t.capped());
  EXPECT_FALSE(t.Check(DupTable::kMaxUnique + 1, 2, 2).duplicate);  // not kept
  EXPECT_TRUE(t.Check(42, 3, 3).duplicate);
}

TEST(DupTableTest, RecipientKeyUsesE164ThenTrimmedText) {
  Report parsed;
  parsed.to_number = NumberInfo{};
  parsed.to_number->e164 = "+14155550132";
  EXPECT_EQ(RecipientKey(parsed, "(415) 555-0132"), 14155550132u);
  const Report unparsed;
  EXPECT_EQ(RecipientKey(unparsed, ""), 0u);
  EXPECT_EQ(RecipientKey(unparsed, " \t"), 0u);
  const uint64_t a = RecipientKey(unparsed, "n/a");
  EXPECT_NE(a & (uint64_t{1} << 63), 0u);  // never an E.164 key
  EXPECT_EQ(RecipientKey(unparsed, "  n/a\t"), a);
  EXPECT_NE(RecipientKey(unparsed, "n/b"), a);
}

}  // namespace
}  // namespace smslint::cli
