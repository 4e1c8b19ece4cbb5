// The content-risk engine: spans, gates, the score and its bands, and the
// options that change them. The per-rule table examples are in
// content_examples_test.cc; these check what the examples cannot.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "content/lexical_view.h"
#include "content/lexicon.h"
#include "content/phrase_engine.h"
#include "content/urls.h"
#include "smslint/linter.h"
#include "spam_collection.h"

namespace smslint {
namespace {

const Diagnostic* Find(const Report& r, std::string_view id) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == id) return &d;
  }
  return nullptr;
}

Message Body(std::string body, MessageKind kind = MessageKind::kUnspecified,
             bool first = false) {
  Message m;
  m.body = std::move(body);
  m.kind = kind;
  m.first_message = first;
  return m;
}

// Real SMS: the SMS Spam Collection.
std::vector<std::string> SpamCollection() { return testing::SpamCollectionTexts(); }

// The text-shape findings of a report, as comparable strings.
std::vector<std::string> TextShapeFindings(const Report& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id != "content/all-caps" && d.rule_id != "content/excessive-punctuation" &&
        d.rule_id != "content/obfuscated-words" && d.rule_id != "content/emoji-density" &&
        d.rule_id != "content/lookalike-characters" &&
        d.rule_id != "content/invisible-characters") {
      continue;
    }
    std::string f = d.rule_id;
    if (d.span) f += " " + std::to_string(d.span->byte_begin) + "-" + std::to_string(d.span->byte_end);
    for (const auto& [k, v] : d.args) f += " " + k + "=" + v;
    out.push_back(f);
  }
  return out;
}

TEST(ContentTest, TextShapeRulesReadAsciiAsTheDecodingPathDoes) {
  // An ASCII body takes the byte-for-byte path of the text-shape rules;
  // the same body with " \u00b7" after it (no word character, emoji or
  // invisible one) takes the decoding path. Both must find the same.
  const Linter linter;
  size_t findings = 0;
  for (const std::string& body : SpamCollection()) {
    bool ascii = true;
    for (char ch : body) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    if (!ascii) continue;
    const std::vector<std::string> bytes = TextShapeFindings(linter.Lint(Body(body)));
    EXPECT_EQ(bytes, TextShapeFindings(linter.Lint(Body(body + " \u00b7")))) << body;
    findings += bytes.size();
  }
  EXPECT_GT(findings, 100u);  // the corpus has shouting and "!!!" aplenty
}

// content/obfuscated-words' token pass (b) as it was before it jumped from
// one leet character to the next: every token, in order.
std::optional<std::string> ObfuscatedTokenReference(std::string_view text) {
  auto is_letter = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };
  auto leet_of = [](char ch) -> char {
    for (const internal::LeetEntry& e : internal::kLeet) {
      if (e.from.size() == 1 && e.to.size() == 1 && e.from[0] == ch) return e.to[0];
    }
    return 0;
  };
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    std::string_view token = text.substr(i, j - i);
    while (!token.empty() &&
           std::string_view("!|.,;:?\"'()").find(token.back()) != std::string_view::npos) {
      token.remove_suffix(1);
    }
    while (!token.empty() &&
           std::string_view("!|\"'(").find(token.front()) != std::string_view::npos) {
      token.remove_prefix(1);
    }
    std::string mapped;
    bool has_letter = false, has_leet = false, ok = !token.empty();
    for (char ch : token) {
      if (is_letter(ch)) {
        has_letter = true;
        mapped.push_back(static_cast<char>(ch | 0x20));
      } else if (const char leet = leet_of(ch); leet != 0) {
        has_leet = true;
        mapped.push_back(leet);
      } else {
        ok = false;
        break;
      }
    }
    if (ok && has_letter && has_leet) {
      for (std::string_view w : internal::kObfuscationWords) {
        if (mapped == w) return std::string(token);
      }
    }
    i = j;
  }
  return std::nullopt;
}

// A match of the spelled-out pass (a): single letters with separators.
bool Spelled(std::string_view match) {
  if (match.size() < 7 || match.size() % 2 == 0) return false;
  for (size_t k = 0; k < match.size(); ++k) {
    const bool letter = (match[k] | 0x20) >= 'a' && (match[k] | 0x20) <= 'z';
    if ((k % 2 == 0) != letter) return false;
    if (k % 2 == 1 && internal::kObfuscationSeparators.find(match[k]) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

TEST(ContentTest, ObfuscatedTokensAsEveryTokenWasRead) {
  // Bodies where only the token pass can fire (no run of spelled-out
  // letters: "F R E E"), on real SMS and each with a leet word added.
  const Linter linter;
  size_t fired = 0;
  for (std::string body : SpamCollection()) {
    for (int variant = 0; variant < 2; ++variant) {
      if (variant == 1) body += " Get it fr33 (b0nus!)";
      const internal::UrlScan urls = internal::FindUrls(body);
      const internal::LexicalView view(body, urls);
      const std::optional<std::string> want = ObfuscatedTokenReference(view.text());
      const Report r = linter.Lint(Body(body));
      const Diagnostic* d = Find(r, "content/obfuscated-words");
      if (d != nullptr && Spelled(d->Arg("match"))) continue;  // pass (a) fired first
      ASSERT_EQ(d != nullptr, want.has_value()) << body;
      if (want) {
        EXPECT_EQ(d->Arg("match"), *want) << body;
        ++fired;
      }
    }
  }
  EXPECT_GT(fired, 5000u);
}

TEST(ContentTest, EveryLexiconPatternCompiles) {
  EXPECT_EQ(internal::PhraseEngine::Get().CompileAll(), "");
}

TEST(ContentTest, ShortenerSpanCoversTheTrimmedUrlOnly) {
  const Linter linter;
  const std::string body = "See it (is.gd/Qx1).";
  const Report r = linter.Lint(Body(body));
  const Diagnostic* d = Find(r, "content/public-url-shortener");
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->span);
  EXPECT_EQ(body.substr(d->span->byte_begin, d->span->byte_end - d->span->byte_begin),
            "is.gd/Qx1");
  EXPECT_EQ(d->Arg("host"), "is.gd");
  EXPECT_EQ(d->Arg("entry"), "is.gd");
  EXPECT_EQ(d->twilio_code, 30007);
  EXPECT_EQ(d->weight, 5.0);
}

TEST(ContentTest, ScoreSumsWeightsAndPicksTheBand) {
  // Weights set here: the defaults of fitted rules move with each fit
  // (data/content/weights.toml).
  Options o;
  o.weights = {{"content/excessive-punctuation", 1.0}};
  const Linter linter(o);
  // Shortener (5.0) + money symbols (1.5) + excessive punctuation (1.0).
  const Report r = linter.Lint(Body("$$$ back at https://bit.ly/x!!!"));
  EXPECT_NE(Find(r, "content/public-url-shortener"), nullptr);
  EXPECT_NE(Find(r, "content/money-symbols"), nullptr);
  EXPECT_NE(Find(r, "content/excessive-punctuation"), nullptr);
  double sum = 0;
  for (const RiskContribution& c : r.risk.contributions) sum += c.weight;
  EXPECT_DOUBLE_EQ(r.risk.score, sum);
  EXPECT_GE(r.risk.score, 7.5);
  EXPECT_EQ(r.risk.band, RiskBand::kHigh);

  const Report clean = linter.Lint(Body("Your table for 2 is ready. See you soon."));
  EXPECT_EQ(clean.risk.score, 0.0);
  EXPECT_EQ(clean.risk.band, RiskBand::kLow);
  EXPECT_TRUE(clean.risk.contributions.empty());
}

TEST(ContentTest, ElevatedBandBetweenThresholds) {
  Options o;
  o.weights = {{"content/prize-claim-language", 2.5}, {"content/promo-trigger-words", 0.5}};
  const Linter linter(o);
  // Prize language (2.5) + promo words (0.5) = 3.0: elevated.
  const Report r = linter.Lint(Body("Claim your bonus today. Order now."));
  EXPECT_NE(Find(r, "content/prize-claim-language"), nullptr);
  EXPECT_NE(Find(r, "content/promo-trigger-words"), nullptr);
  EXPECT_DOUBLE_EQ(r.risk.score, 3.0);
  EXPECT_EQ(r.risk.band, RiskBand::kElevated);
}

TEST(ContentTest, WeightsThresholdsAndDisablingAreOptions) {
  Options o;
  o.weights = {{"content/prize-claim-language", 0.25}};
  o.elevated_threshold = 0.5;
  o.high_threshold = 0.7;
  o.disabled_rules = {"content/promo-trigger-words"};
  const Linter linter(o);
  ASSERT_TRUE(linter.ok()) << linter.error();
  const Report r = linter.Lint(Body("Claim your bonus today. Order now."));
  EXPECT_EQ(Find(r, "content/promo-trigger-words"), nullptr);
  EXPECT_DOUBLE_EQ(r.risk.score, 0.25);
  EXPECT_EQ(r.risk.band, RiskBand::kLow);

  Options bad;
  bad.weights = {{"content/nope", 1}};
  EXPECT_FALSE(Linter(bad).ok());
  Options inverted;
  inverted.elevated_threshold = 6;
  EXPECT_FALSE(Linter(inverted).ok());
}

TEST(ContentTest, AllCapsIsGraded) {
  const Linter linter;
  const Report high = linter.Lint(Body("HUGE SALE THIS WEEKEND ONLY AT MAPLE"));
  const Diagnostic* d = Find(high, "content/all-caps");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->weight, 2.5);
  const Report mid = linter.Lint(Body("HUGE SALE THIS WEEKEND only at the Maple store"));
  d = Find(mid, "content/all-caps");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->weight, 1.5);
}

TEST(ContentTest, OwnedDomainsAndExtraShorteners) {
  Options o;
  o.extra_shorteners = {"acme.link"};
  const Linter linter(o);
  EXPECT_NE(Find(linter.Lint(Body("Deal: https://go.acme.link/x")),
                 "content/public-url-shortener"),
            nullptr);
  Message m = Body("Deal: https://go.acme.link/x");
  m.owned_domains = {"acme.link"};
  EXPECT_EQ(Find(linter.Lint(m), "content/public-url-shortener"), nullptr);
  Options owned;
  owned.owned_domains = {"bit.ly"};
  EXPECT_EQ(Find(Linter(owned).Lint(Body("Deal: bit.ly/x")), "content/public-url-shortener"),
            nullptr);
}

TEST(ContentTest, MissingOptOutIsAnErrorOnFirstMessages) {
  const Linter linter;
  const Report first = linter.Lint(Body("Maple & Co: 20% off candles", MessageKind::kMarketing, true));
  const Diagnostic* d = Find(first, "content/missing-opt-out");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::kError);
  const Report later = linter.Lint(Body("Maple & Co: 20% off candles", MessageKind::kMarketing));
  d = Find(later, "content/missing-opt-out");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::kWarning);
  Options o;
  o.severity_overrides = {{"content/missing-opt-out", Severity::kInfo}};
  const Report overridden =
      Linter(o).Lint(Body("Maple & Co: 20% off candles", MessageKind::kMarketing, true));
  d = Find(overridden, "content/missing-opt-out");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, Severity::kInfo);
}

TEST(ContentTest, BrandOptionDecidesSenderId) {
  Options o;
  o.brand = "Maple & Co";
  const Linter linter(o);
  EXPECT_EQ(Find(linter.Lint(Body("maple & co: welcome! Reply STOP to end",
                                  MessageKind::kInformational, true)),
                 "content/missing-sender-id"),
            nullptr);
  EXPECT_NE(Find(linter.Lint(Body("Acme: welcome! Reply STOP to end",
                                  MessageKind::kInformational, true)),
                 "content/missing-sender-id"),
            nullptr);
}

TEST(ContentTest, ReservedKeywordConflictNamesKeywordAndPurpose) {
  const Linter linter;
  const std::string body = "Reply CANCEL to cancel your reservation";
  const Report r = linter.Lint(Body(body));
  const Diagnostic* d = Find(r, "content/reserved-keyword-conflict");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("keyword"), "CANCEL");
  EXPECT_EQ(d->Arg("purpose"), "cancel your reservation");
  ASSERT_TRUE(d->span);
  EXPECT_EQ(d->span->byte_begin, 6u);
  EXPECT_EQ(d->span->byte_end, 12u);
}

TEST(ContentTest, DecomposedAccentsMatchAndSpansMapBack) {
  const Linter linter;
  // "Félicitations" with e + U+0301 (NFD): the lexicon is NFC.
  const std::string body = "Fe\xCC\x81licitations! Vous avez gagne\xCC\x81 un prix";
  const Report r = linter.Lint(Body(body));
  const Diagnostic* d = Find(r, "content/prize-claim-language");
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->span);
  EXPECT_EQ(d->span->byte_begin, 0u);
  EXPECT_EQ(body.substr(d->span->byte_begin, d->span->byte_end - d->span->byte_begin),
            "Fe\xCC\x81licitations");
}

TEST(ContentTest, InvisibleCharacterSpanAndCount) {
  const Linter linter;
  const std::string body = "fr\xE2\x80\x8B" "ee gi\xE2\x80\x8B" "ft";
  const Report r = linter.Lint(Body(body));
  const Diagnostic* d = Find(r, "content/invisible-characters");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("code_point"), "U+200B");
  EXPECT_EQ(d->Arg("count"), "2");
  EXPECT_EQ(d->span->byte_begin, 2u);
  EXPECT_EQ(d->span->utf16_begin, 2u);
  EXPECT_EQ(d->span->utf16_end, 3u);
}

// Every listed invisible code point (and a ZWJ away from emoji) is found in
// otherwise non-ASCII text, also right after ill-formed bytes that a
// decoder drops (the rule looks for their bytes before decoding a body).
TEST(ContentTest, EveryInvisibleCodePointIsFound) {
  const Linter linter;
  auto utf8 = [](char32_t cp) {
    std::string s;
    if (cp < 0x800) {
      s += static_cast<char>(0xC0 | cp >> 6);
    } else {
      s += static_cast<char>(0xE0 | cp >> 12);
      s += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    }
    s += static_cast<char>(0x80 | (cp & 0x3F));
    return s;
  };
  std::vector<char32_t> cps(internal::kInvisibleCodePoints.begin(),
                            internal::kInvisibleCodePoints.end());
  cps.push_back(internal::kZeroWidthJoiner);
  for (const char32_t cp : cps) {
    for (const std::string& before : {std::string("caf\xC3\xA9 "), std::string("\xE2\x80"),
                                      std::string("\xF0"), std::string("\xC2")}) {
      const std::string body = before + "fr" + utf8(cp) + "ee gift";
      const Report r = linter.Lint(Body(body));
      const Diagnostic* d = Find(r, "content/invisible-characters");
      ASSERT_NE(d, nullptr) << std::hex << static_cast<uint32_t>(cp) << " after "
                            << before.size() << " bytes";
      char want[16];
      std::snprintf(want, sizeof want, "U+%04X", static_cast<unsigned>(cp));
      EXPECT_EQ(d->Arg("code_point"), want);
    }
  }
  // Non-ASCII text without them: none.
  EXPECT_EQ(Find(linter.Lint(Body("caf\xC3\xA9 \xE2\x82\xAC \xE4\xBD\xA0\xE5\xA5\xBD")),
                 "content/invisible-characters"),
            nullptr);
}

TEST(ContentTest, LexicalRulesIgnoreTextInsideUrls) {
  const Linter linter;
  const Report r = linter.Lint(Body("Menu at https://acme.example/free-casino-beer today"));
  EXPECT_EQ(Find(r, "content/promo-trigger-words"), nullptr);
  EXPECT_EQ(Find(r, "content/gambling"), nullptr);
  EXPECT_EQ(Find(r, "content/shaft-alcohol"), nullptr);
}

TEST(ContentTest, PhraseSpansAtTheEdgesOfTheBodyExcludeBoundaries) {
  const Linter linter;
  // The phrase touches the start and the end: the boundary character ("("
  // or "!") must not be part of the span or the match.
  for (const std::string& body : {std::string("Respond now!"), std::string("(Respond now) today")}) {
    const Report r = linter.Lint(Body(body));
    const Diagnostic* d = Find(r, "content/urgency-language");
    ASSERT_NE(d, nullptr) << body;
    EXPECT_EQ(d->Arg("match"), "Respond now") << body;
    EXPECT_EQ(body.substr(d->span->byte_begin, d->span->byte_end - d->span->byte_begin),
              "Respond now");
  }
}

TEST(ContentTest, WeightsOnlyForContentRulesAndBounded) {
  Options not_content;
  not_content.weights = {{"mms", 2.0}};
  EXPECT_FALSE(Linter(not_content).ok());
  Options huge;
  huge.weights = {{"content/gambling", 1e20}};
  EXPECT_FALSE(Linter(huge).ok());
  Options negative;
  negative.weights = {{"content", -1.0}};
  const Linter linter(negative);
  ASSERT_TRUE(linter.ok()) << linter.error();
  const Report r = linter.Lint(Body("Claim your bonus today"));
  EXPECT_LT(r.risk.score, 0.0);
  EXPECT_EQ(r.risk.band, RiskBand::kLow);
}

TEST(ContentTest, NeverCrashesOnInvalidUtf8) {
  const Linter linter;
  const Report r = linter.Lint(Body("FREE \xFF\xFE cash http://\xC3 bit.ly/\x80"));
  EXPECT_NE(Find(r, "body/invalid-utf8"), nullptr);
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

// Issue 16: the phrase lexicons read text-speak as words, but spans and
// the reported match are the body as written.
TEST(ContentTextSpeakTest, SpansStayOnTheBodyAsWritten) {
  const Linter linter;
  const std::string body = "Gr8 news! U have won a guaranteed £1000, txt WIN 2 80086";
  const Report r = linter.Lint(Body(body));
  const Diagnostic* d = Find(r, "content/prize-claim-language");
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->span);
  EXPECT_EQ(body.substr(d->span->byte_begin, d->span->byte_end - d->span->byte_begin),
            "U have won");
  EXPECT_EQ(d->Arg("match"), "U have won");
  const Diagnostic* cta = Find(r, "content/short-code-call-to-action");
  ASSERT_NE(cta, nullptr);
  EXPECT_EQ(cta->Arg("match"), "txt WIN 2 80086");
}

// Body numbers are classified for the reader's region, taken from `to`.
TEST(ContentBodyNumbersTest, ReadInTheRecipientsRegion) {
  const Linter linter;
  Message m = Body("Call 0906 170 1461 now to claim");
  m.to = "+447911123456";
  const Report uk = linter.Lint(m);
  const Diagnostic* d = Find(uk, "content/premium-rate-number");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("number"), "0906 170 1461");
  EXPECT_EQ(d->Arg("region"), "GB");
  ASSERT_TRUE(d->span);
  EXPECT_EQ(d->span->byte_begin, 5u);
  // No region known: a national number is not classified.
  EXPECT_EQ(Find(linter.Lint(Body("Call 0906 170 1461 now")), "content/premium-rate-number"),
            nullptr);
  // With a country code it is, whoever reads it.
  EXPECT_NE(Find(linter.Lint(Body("Call +44 906 170 1461 now")), "content/premium-rate-number"),
            nullptr);
  // A mobile number is not premium-rate or non-geographic.
  m.body = "Call me on 07911 654321";
  const Report mobile = linter.Lint(m);
  EXPECT_EQ(Find(mobile, "content/premium-rate-number"), nullptr);
  EXPECT_EQ(Find(mobile, "content/non-geographic-number"), nullptr);
}

}  // namespace
}  // namespace smslint
