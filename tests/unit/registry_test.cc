// The rule meta-test: every rule is well-formed, documented, and its
// message placeholders are the arguments its code passes.
#include "smslint/rules.h"

#include "content/lexicon.h"

#include <map>
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

namespace smslint {
namespace {

TEST(RegistryTest, IdsAreSortedUniqueAndKebabWithArea) {
  const std::regex id_re("^[a-z0-9]+/[a-z0-9]+(-[a-z0-9]+)*$");
  std::set<std::string_view> seen;
  std::string_view prev;
  for (const RuleInfo& r : AllRules()) {
    EXPECT_TRUE(std::regex_match(std::string(r.id), id_re)) << r.id;
    EXPECT_TRUE(seen.insert(r.id).second) << r.id;
    EXPECT_LT(prev, r.id);
    prev = r.id;
    EXPECT_EQ(FindRule(r.id), &r);
  }
  EXPECT_EQ(FindRule("segments/nope"), nullptr);
}

TEST(RegistryTest, EveryRuleIsDocumented) {
  for (const RuleInfo& r : AllRules()) {
    SCOPED_TRACE(std::string(r.id));
    EXPECT_FALSE(r.summary.empty());
    EXPECT_FALSE(r.message.empty());
    EXPECT_TRUE(r.status == "stable" || r.status == "preview" || r.status == "removed");
    EXPECT_FALSE(r.since.empty());
    size_t last = 0;
    for (const char* h : {"## What it does", "## Why", "## Example", "## Fix"}) {
      const size_t at = r.docs.find(h);
      EXPECT_NE(at, std::string_view::npos) << h;
      EXPECT_GE(at, last) << h << " out of order";
      last = at;
    }
  }
}

TEST(RegistryTest, PlaceholdersAreKnownArguments) {
  // The arguments each rule's code passes (kept in step with src/).
  const std::map<std::string_view, std::set<std::string>> args = {
      {"body/empty", {}},
      {"body/invalid-utf8", {"offset"}},
      {"body/too-long", {"count", "limit"}},
      {"body/too-long-utf16", {"utf16_units", "count", "limit"}},
      {"content/all-caps", {"percent", "letters"}},
      {"content/cannabis-cbd", {"match"}},
      {"content/debt-relief", {"match"}},
      {"content/deceptive-url", {"host", "reason"}},
      {"content/embedded-phone-number", {"match"}},
      {"content/emoji-density", {"count"}},
      {"content/excessive-punctuation", {"match"}},
      {"content/gambling", {"match"}},
      {"content/get-rich-quick", {"match"}},
      {"content/high-risk-financial", {"match"}},
      {"content/insecure-url", {"url"}},
      {"content/invisible-characters", {"code_point", "count"}},
      {"content/ip-address-url", {"host"}},
      {"content/link-only-message", {"words"}},
      {"content/lookalike-characters", {"match", "reason"}},
      {"content/many-segments", {"segments", "encoding"}},
      {"content/many-urls", {"count"}},
      {"content/missing-data-rates-disclosure", {}},
      {"content/missing-frequency-disclosure", {}},
      {"content/missing-help-instructions", {}},
      {"content/missing-opt-out", {}},
      {"content/missing-sender-id", {}},
      {"content/money-symbols", {"match"}},
      {"content/non-standard-opt-out-keyword", {"keyword"}},
      {"content/obfuscated-words", {"match", "word"}},
      {"content/phishing-lure", {"match"}},
      {"content/prescription-drugs", {"match"}},
      {"content/prize-claim-language", {"match"}},
      {"content/promo-trigger-words", {"match"}},
      {"content/public-url-shortener", {"host", "entry"}},
      {"content/reserved-keyword-conflict", {"keyword", "purpose"}},
      {"content/shaft-alcohol", {"match"}},
      {"content/shaft-firearms", {"match"}},
      {"content/shaft-hate", {"match"}},
      {"content/shaft-sex", {"match"}},
      {"content/shaft-tobacco", {"match"}},
      {"content/third-party-lead-gen", {"match"}},
      {"content/urgency-language", {"match"}},
      {"from/alphanumeric-invalid", {"sender", "detail", "reason"}},
      {"from/alphanumeric-to-us-ca", {"sender", "region"}},
      {"from/missing", {}},
      {"from/not-e164", {"number", "e164"}},
      {"from/not-possible", {"number", "detail", "reason"}},
      {"from/not-valid", {"number", "region", "metadata"}},
      {"from/short-code-not-possible", {"code", "region"}},
      {"from/short-code-unknown", {"code", "region", "metadata"}},
      {"from/unparseable", {"number", "detail", "reason"}},
      {"input/csv-malformed", {"row", "line", "offset", "reason"}},
      {"input/duplicate-field", {"name", "other", "line"}},
      {"input/duplicate-recipient", {"number", "first_line", "first_row"}},
      {"input/invalid-json", {"line", "reason", "offset"}},
      {"input/unknown-field", {"name", "line"}},
      {"input/wrong-type", {"name", "line", "expected", "actual"}},
      {"media/missing-content-type", {}},
      {"media/not-transcoded", {"content_type", "size", "carrier_note"}},
      {"media/size-unknown", {}},
      {"media/too-large", {"total", "unknown", "limit"}},
      {"media/too-many", {"count", "limit"}},
      {"media/type-mismatch", {"declared", "actual"}},
      {"media/unreadable", {"path", "reason"}},
      {"media/unsupported-type", {"content_type", "hint"}},
      {"mms/unsupported-country", {"party", "region", "count"}},
      {"message/invalid-messaging-service-id", {"id"}},
      {"message/to-equals-from", {"number"}},
      {"message/unknown-region", {"region"}},
      {"segments/crlf-line-breaks", {"crlf_count", "segments_lf", "segments"}},
      {"segments/forces-ucs2", {"count", "segments", "characters"}},
      {"segments/too-many-segments", {"segments", "encoding", "limit"}},
      {"to/fixed-line", {"number", "region", "metadata"}},
      {"to/fixed-line-or-mobile", {"number", "region", "metadata"}},
      {"to/missing", {}},
      {"to/not-e164", {"number", "e164"}},
      {"to/not-possible", {"number", "detail", "reason"}},
      {"to/not-valid", {"number", "region", "metadata"}},
      {"to/pager", {"number", "region", "metadata"}},
      {"to/premium-rate", {"number", "region", "metadata"}},
      {"to/shared-cost", {"number", "region", "metadata"}},
      {"to/toll-free", {"number", "region", "metadata"}},
      {"to/uan", {"number", "region", "metadata"}},
      {"to/unparseable", {"number", "detail", "reason"}},
      {"to/voicemail", {"number", "region", "metadata"}},
  };
  EXPECT_EQ(args.size(), AllRules().size());
  const std::regex ph("\\{([a-z_0-9]+)\\}");
  for (const RuleInfo& r : AllRules()) {
    const auto it = args.find(r.id);
    ASSERT_NE(it, args.end()) << r.id << " missing from this test";
    const std::string msg(r.message);
    std::set<std::string> used;
    for (auto m = std::sregex_iterator(msg.begin(), msg.end(), ph);
         m != std::sregex_iterator(); ++m) {
      used.insert((*m)[1]);
    }
    EXPECT_EQ(used, it->second) << r.id;
  }
}

// Every rule a lexicon pattern serves is in the registry, and every content
// rule either scores or says in its docs why it does not.
TEST(RegistryTest, LexiconRulesAreRegistered) {
  for (const internal::LexiconPattern& p : internal::kLexiconPatterns) {
    EXPECT_NE(FindRule(p.rule), nullptr) << p.file << ": " << p.rule;
  }
  for (const RuleInfo& r : AllRules()) {
    if (!r.id.starts_with("content/")) {
      EXPECT_EQ(r.weight, 0.0) << r.id;
      continue;
    }
    EXPECT_GT(r.weight, 0.0) << r.id;
    EXPECT_GE(r.weight_high, 0.0) << r.id;
  }
}

}  // namespace
}  // namespace smslint
