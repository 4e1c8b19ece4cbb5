// The n-gram model of content/statistical-signal (content/ngram_model.h):
// how the text is read into n-grams, that the cheap pass and the full score
// agree, what the strongest n-grams may be, and the rule through a Linter.
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "content/ngram_model.h"
#include "smslint/linter.h"
#include "spam_collection.h"

namespace smslint::internal {
namespace {

struct Gram {
  uint32_t bucket, begin, end;
  bool operator==(const Gram&) const = default;
};

std::vector<Gram> Grams(std::string_view text, const NgramShape& shape) {
  std::vector<Gram> out;
  ForEachNgram(text, shape, [&](uint32_t b, uint32_t begin, uint32_t end) {
    out.push_back({b, begin, end});
  });
  return out;
}

std::vector<uint32_t> Buckets(std::string_view text, const NgramShape& shape) {
  std::vector<uint32_t> out;
  for (const Gram& g : Grams(text, shape)) out.push_back(g.bucket);
  return out;
}

TEST(NgramModelTest, ReadsCaseAndWhiteSpaceRunsAsOne) {
  const NgramShape shape{2, 3, 16, false};
  // Padded " ab c ": 2-grams " a","ab","b "," c","c " and 3-grams " ab",
  // "ab ","b c"," c " (one space for the run of blanks and the tab).
  const std::vector<Gram> g = Grams("Ab \t c", shape);
  EXPECT_EQ(g.size(), 9u);
  EXPECT_EQ(Buckets("Ab \t c", shape), Buckets("ab c", shape));
  EXPECT_NE(Buckets("ab c", shape), Buckets("abc", shape));
  // Offsets: the last n-gram is " c " ending at the text's end (its pad).
  EXPECT_EQ(g.back().begin, 2u);  // the space run's first byte
  EXPECT_EQ(g.back().end, 6u);
  EXPECT_TRUE(Grams("", shape).empty());
}

TEST(NgramModelTest, DigitsFoldOnlyWhenTheShapeSaysSo) {
  EXPECT_NE(Buckets("code 1234", {2, 4, 16, false}), Buckets("code 9876", {2, 4, 16, false}));
  EXPECT_EQ(Buckets("code 1234", {2, 4, 16, true}), Buckets("code 9876", {2, 4, 16, true}));
}

// Real SMS (the SMS Spam Collection) and bodies with white-space runs, NUL
// and other control bytes, non-ASCII text and the text's edges.
std::vector<std::string> Texts() {
  std::vector<std::string> out = {
      "", " ", "a", "ab", "\t\n x \r\n", std::string("a\0b\0\0c", 6), "\x01\x7f\xff",
      "Привет, как дела? 😀", "  lead and trail  ", "CODE 1234 code 9876"};
  for (std::string& text : testing::SpamCollectionTexts()) out.push_back(std::move(text));
  return out;
}

// The cheap pass (a stream chunked on the stack, hashed eight positions at
// a time with AVX2) against the general walk and the model's weights, on
// the corpus, on texts longer than a chunk and across every chunk edge.
TEST(NgramModelTest, CheapPassSumIsTheGeneralWalksSum) {
  std::vector<std::string> texts = Texts();
  std::string long_text;
  for (size_t i = 0; i < 400; ++i) long_text += texts[20 + i] + (i % 3 ? " " : "\n\t  ");
  texts.push_back(long_text);
  for (size_t cut = 2030; cut < 2075; ++cut) texts.push_back(long_text.substr(0, cut));
  texts.push_back(std::string(10000, ' ') + "x");
  texts.push_back(std::string(10000, 'x'));
  for (const std::string& text : texts) {
    int64_t sum = 0;
    uint32_t count = 0;
    ForEachNgram(text, NgramModelShape(), [&](uint32_t bucket, uint32_t, uint32_t) {
      sum += NgramModelWeight(bucket);
      ++count;
    });
    for (const bool vector : {true, false}) {
      const NgramSum s = NgramModelSum(text, vector);
      ASSERT_EQ(s.sum, sum) << vector << " " << text.substr(0, 80);
      ASSERT_EQ(s.count, count) << vector << " " << text.substr(0, 80);
    }
  }
}

TEST(NgramModelTest, CheapPassAgreesWithTheScore) {
  for (const char* text :
       {"", "See you at 6, love", "URGENT! You have WON a £1000 cash prize. Call 09061701461 now",
        "Acme: your order 1234 has shipped. Reply STOP to opt out.",
        "FREE entry in 2 a wkly comp to win FA Cup final tkts. Text FA to 87121",
        "Привет, как дела? 😀"}) {
    const double p = ScoreNgrams(text).probability;
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
    EXPECT_EQ(NgramModelFires(text), p >= NgramModelThreshold()) << text;
  }
  // And on every real SMS; ScoreNgramsIfFires (the rule's one pass) is
  // ScoreNgrams exactly when the model fires.
  const auto accept_short = [](uint32_t begin, uint32_t end) { return end - begin < 6; };
  for (const std::string& text : Texts()) {
    const bool fires = NgramModelFires(text);
    ASSERT_EQ(fires, ScoreNgrams(text).probability >= NgramModelThreshold()) << text;
    const std::optional<NgramVerdict> once = ScoreNgramsIfFires(text, 3, accept_short);
    ASSERT_EQ(once.has_value(), fires) << text;
    if (!fires) continue;
    const NgramVerdict full = ScoreNgrams(text, 3, accept_short);
    ASSERT_EQ(once->probability, full.probability) << text;
    ASSERT_EQ(once->strongest.size(), full.strongest.size()) << text;
    for (size_t i = 0; i < full.strongest.size(); ++i) {
      EXPECT_EQ(once->strongest[i].begin, full.strongest[i].begin) << text;
      EXPECT_EQ(once->strongest[i].end, full.strongest[i].end) << text;
    }
  }
}

TEST(NgramModelTest, StrongestAreDistinctWordPiecesStrongestFirst) {
  const std::string text =
      "URGENT! You have WON a guaranteed £1000 cash prize. To claim call 09061701461 now. "
      "T&Cs apply, 150p/msg, 18+";
  const NgramVerdict v = ScoreNgrams(text, 3);
  ASSERT_FALSE(v.strongest.empty());
  EXPECT_LE(v.strongest.size(), 3u);
  for (size_t i = 0; i < v.strongest.size(); ++i) {
    const auto& s = v.strongest[i];
    const std::string piece = text.substr(s.begin, s.end - s.begin);
    EXPECT_GE(piece.size(), 3u) << piece;
    EXPECT_EQ(piece.find(' '), std::string::npos) << piece;
    EXPECT_GT(s.weight, 0.0);
    if (i > 0) {
      EXPECT_LE(s.weight, v.strongest[i - 1].weight);
    }
    for (size_t j = 0; j < i; ++j) {
      const auto& t = v.strongest[j];
      EXPECT_TRUE(s.end <= t.begin || t.end <= s.begin) << "overlap: " << piece;
    }
  }
  // `accept` can refuse every candidate: then none is named.
  EXPECT_TRUE(ScoreNgrams(text, 3, [](uint32_t, uint32_t) { return false; }).strongest.empty());
}

const Diagnostic* Find(const Report& r) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == "content/statistical-signal") return &d;
  }
  return nullptr;
}

TEST(NgramModelTest, RuleNamesItsStrongestNgramsAndSpansTheFirst) {
  const Linter linter;
  Message spam;
  spam.body =
      "URGENT! You have WON a guaranteed £1000 cash prize. To claim call 09061701461 now. "
      "T&Cs apply, 150p/msg, 18+";
  const Report report = linter.Lint(spam);
  const Diagnostic* d = Find(report);
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->span.has_value());
  EXPECT_LT(d->span->byte_begin, d->span->byte_end);
  std::string percent, ngrams;
  for (const auto& [k, v] : d->args) {
    if (k == "percent") percent = v;
    if (k == "ngrams") ngrams = v;
  }
  EXPECT_GE(std::stoi(percent), static_cast<int>(NgramModelThreshold() * 100));
  // The span's text is the first named n-gram.
  const std::string first = spam.body.substr(d->span->byte_begin, d->span->byte_end - d->span->byte_begin);
  EXPECT_EQ(ngrams.rfind("'" + first + "'", 0), 0u) << ngrams;

  Message plain;
  plain.body = "See you at 6, love";
  EXPECT_EQ(Find(linter.Lint(plain)), nullptr);
}

}  // namespace
}  // namespace smslint::internal
