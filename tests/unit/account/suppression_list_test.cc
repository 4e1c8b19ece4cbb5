#include "account/suppression_list.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <unordered_map>

#include <gtest/gtest.h>

namespace smslint::internal {
namespace {

// A stand-in for libphonenumber: "+digits" or 10 digits read as +1.
bool Normalize(std::string_view cell, uint64_t* key, std::string* why) {
  std::string digits;
  bool plus = false;
  for (char c : cell) {
    if (c == '+' && digits.empty()) plus = true;
    else if (c >= '0' && c <= '9') digits += c;
    else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      *why = "bad character";
      return false;
    }
  }
  if (!plus && digits.size() == 10) digits = "1" + digits;
  *key = E164Key("+" + digits);
  return *key != 0;
}

SuppressionSet Load(std::string_view text, std::string* error = nullptr) {
  SuppressionSet set;
  std::string e;
  EXPECT_EQ(set.LoadText(text, "list.csv", Normalize, &e), error == nullptr) << e;
  if (error != nullptr) *error = e;
  return set;
}

TEST(E164KeyTest, DigitsOrZero) {
  EXPECT_EQ(E164Key("+14155550123"), 14155550123u);
  EXPECT_EQ(E164Key("+999999999999999"), 999999999999999u);
  EXPECT_EQ(E164Key("14155550123"), 0u);
  EXPECT_EQ(E164Key("+1415555012a"), 0u);
  EXPECT_EQ(E164Key("+1234567890123456"), 0u);  // 16 digits
  EXPECT_EQ(E164Key("+"), 0u);
}

TEST(SuppressionSetTest, OneNumberALineWithCommentsAndBlankLines) {
  const SuppressionSet s = Load("# opt-outs\n+14155550123\n\n(415) 555-0145\r\n4155550177");
  EXPECT_EQ(s.numbers(), 3u);
  EXPECT_EQ(s.Find(14155550123), 2u);
  EXPECT_EQ(s.Find(14155550145), 4u);
  EXPECT_EQ(s.Find(14155550177), 5u);
  EXPECT_FALSE(s.Find(14155550124));
  EXPECT_FALSE(s.Find(0));
}

TEST(SuppressionSetTest, CsvTakesTheNamedColumn) {
  const SuppressionSet s = Load("\xEF\xBB\xBFname,Phone Number,date\n"
                                "\"Lee, Sam\",+14155550123,2026-01-01\n"
                                "Ana,\"(415) 555-0145\",2026-01-02\n");
  EXPECT_EQ(s.Find(14155550123), 2u);
  EXPECT_EQ(s.Find(14155550145), 3u);
  EXPECT_EQ(s.numbers(), 2u);
}

TEST(SuppressionSetTest, CsvWithoutAKnownHeaderUsesTheFirstColumn) {
  const SuppressionSet s = Load("Contact;Opted out\n+447400123456;yes\n");
  EXPECT_EQ(s.Find(447400123456), 2u);
  const SuppressionSet n = Load("+447400123456,yes\n+447400123457,no\n");
  EXPECT_EQ(n.Find(447400123456), 1u);
  EXPECT_EQ(n.Find(447400123457), 2u);
}

TEST(SuppressionSetTest, TheFirstLineOfANumberListedTwiceIsReported) {
  const SuppressionSet s = Load("+14155550123\n+14155550199\n+14155550123\n");
  EXPECT_EQ(s.Find(14155550123), 1u);
}

TEST(SuppressionSetTest, BadLinesAreErrorsNamingFileAndLine) {
  std::string error;
  Load("+14155550123\nunknown\n", &error);
  EXPECT_EQ(error, "list.csv:2: 'unknown' is not a phone number (bad character)");
  Load("phone,name\n+14155550123,a\n,b\n", &error);
  EXPECT_EQ(error, "list.csv:3: the number is empty");
  Load("phone,name\n\"+14155550123,a\n", &error);
  EXPECT_NE(error.find("list.csv:2: a quoted field does not end on its line"), std::string::npos);
  Load("a,phone\n+1\n", &error);
  EXPECT_EQ(error, "list.csv:2: no column 2 (the line has 1)");
}

TEST(SuppressionSetTest, EmptyListFindsNothing) {
  const SuppressionSet s = Load("");
  EXPECT_EQ(s.numbers(), 0u);
  EXPECT_FALSE(s.Find(14155550123));
}

// The in-place bucket sort against a hash map, on keys over the whole range
// (every bucket) and with duplicates.
TEST(SuppressionSetTest, MatchesAHashMapOnRandomKeys) {
  std::mt19937_64 rng(14);
  std::unordered_map<uint64_t, uint64_t> first;
  std::string text;
  for (uint64_t line = 1; line <= 20000; ++line) {
    uint64_t key;
    if (line % 7 == 0 && line > 7) {
      key = 14155550000 + rng() % 50;  // duplicates, one bucket
    } else {
      key = 1 + rng() % 999'999'999'999'999;
    }
    if (line % 11 == 0) {
      text += "# comment\n";
      continue;
    }
    text += "+" + std::to_string(key) + "\n";
    first.emplace(key, line);
  }
  const SuppressionSet s = Load(text);
  EXPECT_EQ(s.lines(), 20000u);
  for (const auto& [key, line] : first) {
    ASSERT_EQ(s.Find(key), line) << key;
  }
  for (int i = 0; i < 20000; ++i) {
    const uint64_t key = 1 + rng() % 999'999'999'999'999;
    if (first.count(key) == 0) {
      ASSERT_FALSE(s.Find(key)) << key;
    }
  }
  // 8 bytes a line (and the one after the final line break) and the 1 MiB
  // directory.
  EXPECT_EQ(s.bytes(), 20001 * 8 + ((size_t{1} << SuppressionSet::kBucketBits) + 1) * 4);
}

TEST(SuppressionSetTest, LoadFileReadsInChunksAndRefusesNonFiles) {
  char path[] = "/tmp/smslint_suppr_XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  close(fd);
  {
    std::ofstream out(path);
    out << "phone\n";
    for (int i = 0; i < 300000; ++i) out << "+1415" << (1000000 + i) << "\n";
    out << "+14150999999";  // no final line break
  }
  SuppressionSet s;
  std::string error;
  ASSERT_TRUE(s.LoadFile(path, "big.csv", Normalize, &error)) << error;
  EXPECT_EQ(s.Find(14151000000), 2u);
  EXPECT_EQ(s.Find(14151299999), 300001u);
  EXPECT_EQ(s.Find(14150999999), 300002u);
  std::remove(path);
  SuppressionSet d;
  EXPECT_FALSE(d.LoadFile("/tmp", "/tmp", Normalize, &error));
  EXPECT_EQ(error, "/tmp: not a regular file");
  EXPECT_FALSE(d.LoadFile("/nonexistent/x.csv", "x.csv", Normalize, &error));
  EXPECT_EQ(error, "x.csv: cannot open: No such file or directory");
}

}  // namespace
}  // namespace smslint::internal
