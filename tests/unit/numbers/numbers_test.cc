// The number rules (to/*, from/*, message/*) through Linter::Lint, and the
// sender id helpers. Expected values come from libphonenumber 8.12.57's
// metadata (Debian 12); the differential test compares with
// python-phonenumbers on generated numbers.
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "numbers/sender_ids.h"
#include "smslint/linter.h"
#include "smslint/numbers.h"
#include "smslint/rules.h"

namespace smslint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

const Linter& DefaultLinter() {
  static const Linter* const linter = new Linter();
  return *linter;
}

Message Msg(std::string to, std::string from = "Acme",
            std::string region = "") {
  Message m;
  m.to = std::move(to);
  m.from = std::move(from);
  m.region = std::move(region);
  m.body = "Hi";
  return m;
}

// Rule ids of the diagnostics about `field`.
std::vector<std::string> Ids(const Report& r, std::string_view field) {
  std::vector<std::string> ids;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.field == field) ids.push_back(d.rule_id);
  }
  return ids;
}

const Diagnostic* Find(const Report& r, std::string_view id) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule_id == id) return &d;
  }
  return nullptr;
}

// --- E.164 and the fix -----------------------------------------------------

struct FormatCase {
  std::string input;
  std::string region;  // message region
  std::string e164;
};

void PrintTo(const FormatCase& c, std::ostream* os) {
  *os << "\"" << c.input << "\" in \"" << c.region << "\"";
}

class NotE164Test : public ::testing::TestWithParam<FormatCase> {};

TEST_P(NotE164Test, SafeFixGivesTheE164Form) {
  const FormatCase& c = GetParam();
  const Report r = DefaultLinter().Lint(Msg(c.input, "Acme Dental", c.region));
  const Diagnostic* d = Find(r, "to/not-e164");
  ASSERT_NE(d, nullptr) << c.input;
  EXPECT_EQ(d->severity, Severity::kError);
  EXPECT_EQ(d->twilio_code, 21211);
  EXPECT_EQ(d->Arg("e164"), c.e164);
  ASSERT_TRUE(d->span.has_value());
  EXPECT_EQ(d->span->byte_begin, 0u);
  EXPECT_EQ(d->span->byte_end, c.input.size());
  ASSERT_TRUE(d->fix.has_value());
  EXPECT_EQ(d->fix->applicability, Applicability::kSafe);
  ASSERT_EQ(d->fix->edits.size(), 1u);
  EXPECT_EQ(d->fix->edits[0].replacement, c.e164);
  EXPECT_EQ(d->fix->edits[0].span, *d->span);
  ASSERT_TRUE(r.to_number.has_value());
  EXPECT_EQ(r.to_number->e164, c.e164);
  EXPECT_EQ(r.to_number->input, c.input);
  EXPECT_TRUE(r.to_number->valid);
  // Applying the fix gives a number that passes the E.164 check.
  const Report fixed = DefaultLinter().Lint(Msg(c.e164, "Acme Dental"));
  EXPECT_EQ(Find(fixed, "to/not-e164"), nullptr);
}

INSTANTIATE_TEST_SUITE_P(
    Formats, NotE164Test,
    ::testing::Values(
        FormatCase{"(415) 555-0132", "US", "+14155550132"},
        FormatCase{"415.555.0132", "US", "+14155550132"},
        FormatCase{"415-555-0132", "US", "+14155550132"},
        FormatCase{"1 415 555 0132", "US", "+14155550132"},
        FormatCase{"011 44 7400 123456", "US", "+447400123456"},
        FormatCase{"tel:+1-415-555-0132", "", "+14155550132"},
        FormatCase{"+1 (415) 555-0132", "", "+14155550132"},
        FormatCase{"(506) 234-5678", "CA", "+15062345678"},
        FormatCase{"07400 123456", "GB", "+447400123456"},
        FormatCase{"00 44 7400 123456", "GB", "+447400123456"},
        FormatCase{"+44 (0)7400 123456", "", "+447400123456"},
        FormatCase{"+4407400123456", "", "+447400123456"},
        FormatCase{"0151 23456789", "DE", "+4915123456789"},
        FormatCase{"06 12 34 56 78", "FR", "+33612345678"},
        FormatCase{"081234 56789", "IN", "+918123456789"},
        FormatCase{"(11) 96123-4567", "BR", "+5511961234567"},
        FormatCase{"0412 345 678", "AU", "+61412345678"},
        FormatCase{"090-1234-5678", "JP", "+819012345678"},
        FormatCase{"312 345 6789", "IT", "+393123456789"},
        FormatCase{"+7 912 345-67-89", "", "+79123456789"},
        FormatCase{"\xEF\xBC\x8B" "44 7400 123456", "", "+447400123456"}));

TEST(NumbersTest, StrictE164PassesWithoutDiagnostics) {
  for (const char* n : {"+447400123456", "+4915123456789", "+33612345678",
                        "+918123456789", "+5511961234567", "+61412345678",
                        "+819012345678", "+393123456789", "+79123456789",
                        "+27711234567", "+8613123456789", "+46701234567"}) {
    const Report r = DefaultLinter().Lint(Msg(n));
    EXPECT_THAT(Ids(r, "to"), IsEmpty()) << n;
    ASSERT_TRUE(r.to_number.has_value());
    EXPECT_EQ(r.to_number->type, NumberType::kMobile) << n;
    EXPECT_EQ(r.to_number->e164, n);
    EXPECT_TRUE(r.to_number->possible && r.to_number->valid);
    EXPECT_EQ(r.to_number->reason, "");
  }
}

TEST(NumbersTest, ExtensionMakesTheFixUnsafe) {
  const Report r = DefaultLinter().Lint(Msg("+1 415 555 0132 ext. 12", "+14155550100"));
  const Diagnostic* d = Find(r, "to/not-e164");
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->fix.has_value());
  EXPECT_EQ(d->fix->applicability, Applicability::kUnsafe);
  EXPECT_EQ(d->fix->edits[0].replacement, "+14155550132");
}

TEST(NumbersTest, NoFixForANumberThatIsNotPossible) {
  const Report r = DefaultLinter().Lint(Msg("+1 415 555 013", "+14155550100"));
  const Diagnostic* d = Find(r, "to/not-e164");
  ASSERT_NE(d, nullptr);
  EXPECT_FALSE(d->fix.has_value());
  EXPECT_NE(Find(r, "to/not-possible"), nullptr);
}

TEST(NumbersTest, FixesOfNumbersThatAreNotValid) {
  // libphonenumber reads "00" after +49 as a national prefix; its E.164
  // form "+490123456" would lose another digit when read again
  // (numbers_fuzzer found it): no fix.
  Report r = DefaultLinter().Lint(Msg("+49 (00 123456", "Acme", "DE"));
  const Diagnostic* d = Find(r, "to/not-e164");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("e164"), "+490123456");
  EXPECT_FALSE(d->fix.has_value());
  // Stable, but not valid: the fix needs review.
  r = DefaultLinter().Lint(Msg("+4901237427739301"));
  d = Find(r, "to/not-e164");
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->fix.has_value());
  EXPECT_EQ(d->fix->applicability, Applicability::kUnsafe);
  EXPECT_EQ(d->fix->edits[0].replacement, "+491237427739301");
  EXPECT_NE(Find(r, "to/not-valid"), nullptr);
}

TEST(NumbersTest, RegionFromOptionsAndMessage) {
  Options o;
  o.default_region = "gb";  // case-insensitive
  const Linter gb(o);
  ASSERT_TRUE(gb.ok()) << gb.error();
  EXPECT_EQ(Find(gb.Lint(Msg("07400 123456")), "to/not-e164")->Arg("e164"),
            "+447400123456");
  // The message's region wins over the option.
  const Report fr = gb.Lint(Msg("06 12 34 56 78", "Acme", "FR"));
  EXPECT_EQ(Find(fr, "to/not-e164")->Arg("e164"), "+33612345678");
  EXPECT_EQ(fr.to_number->region, "FR");
  // Without either, a national number cannot be read.
  const Report none = DefaultLinter().Lint(Msg("07400 123456"));
  const Diagnostic* d = Find(none, "to/unparseable");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->Arg("reason"), "no_region");
  EXPECT_EQ(none.to_number->reason, "no_region");
  EXPECT_EQ(none.to_number->e164, "");
}

TEST(NumbersTest, UnknownRegions) {
  Options o;
  o.default_region = "UK";
  const Linter bad(o);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error_arg(), "UK");
  const Report r = DefaultLinter().Lint(Msg("07400 123456", "Acme", "UK"));
  const Diagnostic* d = Find(r, "message/unknown-region");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->field, "region");
  EXPECT_EQ(d->Arg("region"), "UK");
  EXPECT_EQ(Find(r, "to/unparseable")->Arg("reason"), "no_region");
}

// --- Reasons ---------------------------------------------------------------

struct ReasonCase {
  std::string input;
  std::string region;
  std::string rule;
  std::string reason;
};

void PrintTo(const ReasonCase& c, std::ostream* os) {
  *os << "\"" << c.input << "\" in \"" << c.region << "\" -> " << c.rule;
}

class ReasonTest : public ::testing::TestWithParam<ReasonCase> {};

TEST_P(ReasonTest, CarriesLibphonenumbersReason) {
  const ReasonCase& c = GetParam();
  const Report r = DefaultLinter().Lint(Msg(c.input, "Acme Dental", c.region));
  const Diagnostic* d = Find(r, c.rule);
  ASSERT_NE(d, nullptr) << c.input;
  EXPECT_EQ(d->Arg("reason"), c.reason);
  EXPECT_EQ(d->severity, Severity::kError);
  EXPECT_EQ(d->twilio_code, 21211);
  EXPECT_NE(d->message.find("(" + c.reason + ")"), std::string::npos);
  EXPECT_EQ(r.to_number->reason, c.reason);
  EXPECT_FALSE(r.to_number->possible);
  EXPECT_FALSE(r.to_number->valid);
}

INSTANTIATE_TEST_SUITE_P(
    Reasons, ReasonTest,
    ::testing::Values(
        ReasonCase{"07400 123456", "", "to/unparseable", "no_region"},
        ReasonCase{"hello", "", "to/unparseable", "not_a_number"},
        ReasonCase{"+999 123456", "", "to/unparseable", "invalid_country_code"},
        ReasonCase{"011 4", "US", "to/unparseable", "too_short_after_idd"},
        ReasonCase{"+44 1", "", "to/unparseable", "too_short"},
        ReasonCase{"+1 415555013212345678901", "", "to/unparseable", "too_long"},
        ReasonCase{"+1415555013", "", "to/not-possible", "too_short"},
        ReasonCase{"+4474001234567", "", "to/not-possible", "too_long"},
        ReasonCase{"+6122222222222", "", "to/not-possible", "invalid_length"},
        ReasonCase{"+4622222222222", "", "to/not-possible", "invalid_length"},
        ReasonCase{"+12222222", "", "to/not-possible", "local_only"},
        ReasonCase{"+4474001234", "", "to/not-possible", "local_only"},
        ReasonCase{"+331234567", "", "to/not-possible", "too_short"},
        ReasonCase{"+9181234567890123", "", "to/not-possible", "too_long"},
        // Possible for libphonenumber (German numbers reach 15 national
        // digits) but over E.164's 15 digits in all.
        ReasonCase{"+49 (00 123phrase9301", "DE", "to/not-possible", "too_long"}));

TEST(NumbersTest, PossibleButNotValidIsAWarningNamingTheMetadata) {
  for (const char* n : {"+11005550132", "+5511861234567", "+44740012345",
                        "+813123456789"}) {
    const Report r = DefaultLinter().Lint(Msg(n));
    const Diagnostic* d = Find(r, "to/not-valid");
    ASSERT_NE(d, nullptr) << n;
    EXPECT_EQ(d->severity, Severity::kWarning);
    EXPECT_EQ(d->twilio_code, 21211);
    EXPECT_EQ(d->Arg("metadata"), PhoneMetadataVersion());
    EXPECT_NE(d->message.find(std::string(PhoneMetadataVersion())),
              std::string::npos);
    EXPECT_EQ(r.to_number->reason, "not_valid_for_region");
    EXPECT_TRUE(r.to_number->possible);
    EXPECT_FALSE(r.to_number->valid);
    EXPECT_EQ(r.to_number->type, NumberType::kUnknown);
  }
  EXPECT_EQ(Find(DefaultLinter().Lint(Msg("+11005550132")), "to/not-valid")
                ->Arg("region"),
            "+1");
}

TEST(NumbersTest, MetadataVersionIsKnown) {
  // Configured from dpkg-query; "unknown" only off Debian.
  EXPECT_FALSE(PhoneMetadataVersion().empty());
  EXPECT_NE(PhoneMetadataVersion(), "unknown") << "is libphonenumber-dev installed?";
}

// --- Types -----------------------------------------------------------------

struct TypeCase {
  std::string number;
  NumberType type;
  std::string rule;  // "" when no type finding
  Severity severity;
  int twilio_code;
};

void PrintTo(const TypeCase& c, std::ostream* os) {
  *os << c.number << " -> " << NumberTypeName(c.type);
}

class TypeTest : public ::testing::TestWithParam<TypeCase> {};

TEST_P(TypeTest, TypeFinding) {
  const TypeCase& c = GetParam();
  const Report r = DefaultLinter().Lint(Msg(c.number, "Acme Dental"));
  ASSERT_TRUE(r.to_number.has_value());
  EXPECT_EQ(r.to_number->type, c.type) << c.number;
  if (c.rule.empty()) {
    EXPECT_THAT(Ids(r, "to"), IsEmpty()) << c.number;
    return;
  }
  EXPECT_THAT(Ids(r, "to"), ElementsAre(c.rule)) << c.number;
  const Diagnostic* d = Find(r, c.rule);
  EXPECT_EQ(d->severity, c.severity);
  EXPECT_EQ(d->twilio_code, c.twilio_code);
  EXPECT_EQ(d->Arg("number"), c.number);
  EXPECT_EQ(d->Arg("region"), r.to_number->region == "001"
                                  ? "+" + std::to_string(r.to_number->country_code)
                                  : r.to_number->region);
  EXPECT_EQ(d->Arg("metadata"), PhoneMetadataVersion());
}

INSTANTIATE_TEST_SUITE_P(
    Types, TypeTest,
    ::testing::Values(
        TypeCase{"+442079460123", NumberType::kFixedLine, "to/fixed-line",
                 Severity::kWarning, 21614},
        TypeCase{"+4930123456", NumberType::kFixedLine, "to/fixed-line",
                 Severity::kWarning, 21614},
        TypeCase{"+33123456789", NumberType::kFixedLine, "to/fixed-line",
                 Severity::kWarning, 21614},
        TypeCase{"+551123456789", NumberType::kFixedLine, "to/fixed-line",
                 Severity::kWarning, 21614},
        TypeCase{"+61212345678", NumberType::kFixedLine, "to/fixed-line",
                 Severity::kWarning, 21614},
        TypeCase{"+81312345678", NumberType::kFixedLine, "to/fixed-line",
                 Severity::kWarning, 21614},
        TypeCase{"+14155550132", NumberType::kFixedLineOrMobile,
                 "to/fixed-line-or-mobile", Severity::kInfo, 0},
        TypeCase{"+15062345678", NumberType::kFixedLineOrMobile,
                 "to/fixed-line-or-mobile", Severity::kInfo, 0},
        TypeCase{"+917410410123", NumberType::kFixedLineOrMobile,
                 "to/fixed-line-or-mobile", Severity::kInfo, 0},
        TypeCase{"+449061234567", NumberType::kPremiumRate, "to/premium-rate",
                 Severity::kError, 0},
        TypeCase{"+19002345678", NumberType::kPremiumRate, "to/premium-rate",
                 Severity::kError, 0},
        TypeCase{"+33891123456", NumberType::kPremiumRate, "to/premium-rate",
                 Severity::kError, 0},
        TypeCase{"+33884012345", NumberType::kSharedCost, "to/shared-cost",
                 Severity::kWarning, 0},
        TypeCase{"+4918012345", NumberType::kSharedCost, "to/shared-cost",
                 Severity::kWarning, 0},
        TypeCase{"+611300123456", NumberType::kSharedCost, "to/shared-cost",
                 Severity::kWarning, 0},
        TypeCase{"+443031234567", NumberType::kUan, "to/uan",
                 Severity::kWarning, 0},
        TypeCase{"+81570123456", NumberType::kUan, "to/uan",
                 Severity::kWarning, 0},
        TypeCase{"+447640123456", NumberType::kPager, "to/pager",
                 Severity::kWarning, 0},
        TypeCase{"+4916412345", NumberType::kPager, "to/pager",
                 Severity::kWarning, 0},
        TypeCase{"+3933101234501", NumberType::kVoicemail, "to/voicemail",
                 Severity::kError, 0},
        TypeCase{"+49177991234567", NumberType::kVoicemail, "to/voicemail",
                 Severity::kError, 0},
        TypeCase{"+18005550199", NumberType::kTollFree, "to/toll-free",
                 Severity::kWarning, 0},
        TypeCase{"+448001234567", NumberType::kTollFree, "to/toll-free",
                 Severity::kWarning, 0},
        TypeCase{"+80012345678", NumberType::kTollFree, "to/toll-free",
                 Severity::kWarning, 0},
        // Types without a finding of their own.
        TypeCase{"+445612345678", NumberType::kVoip, "", Severity::kInfo, 0},
        TypeCase{"+447012345678", NumberType::kPersonalNumber, "",
                 Severity::kInfo, 0},
        TypeCase{"+5511961234567", NumberType::kMobile, "", Severity::kInfo, 0}));

TEST(NumbersTest, ReportCarriesTheNumberFacts) {
  const Report r = DefaultLinter().Lint(Msg("+442079460123", "+447400123456"));
  ASSERT_TRUE(r.to_number && r.from_number);
  EXPECT_EQ(r.to_number->kind, NumberKind::kPhone);
  EXPECT_EQ(r.to_number->region, "GB");
  EXPECT_EQ(r.to_number->country_code, 44);
  EXPECT_EQ(r.to_number->type, NumberType::kFixedLine);
  EXPECT_EQ(r.from_number->type, NumberType::kMobile);
  EXPECT_EQ(r.from_number->e164, "+447400123456");
  const std::string json = ReportToJson(r);
  EXPECT_NE(json.find("\"to_number\":{\"input\":\"+442079460123\",\"kind\":"
                      "\"phone\",\"e164\":\"+442079460123\",\"region\":\"GB\","
                      "\"country_code\":44,\"type\":\"fixed_line\","
                      "\"possible\":true,\"valid\":true,\"reason\":null}"),
            std::string::npos)
      << json;
  Message none;
  none.body = "x";
  const Report empty = DefaultLinter().Lint(none);
  EXPECT_FALSE(empty.to_number.has_value());
  EXPECT_FALSE(empty.from_number.has_value());
  EXPECT_NE(ReportToJson(empty).find("\"to_number\":null,\"from_number\":null"),
            std::string::npos);
}

// --- Missing fields, sender kinds ------------------------------------------

TEST(NumbersTest, MissingToAndSender) {
  Message m;
  m.body = "Hi";
  const Report r = DefaultLinter().Lint(m);
  EXPECT_THAT(Ids(r, "to"), ElementsAre("to/missing"));
  EXPECT_THAT(Ids(r, "from"), ElementsAre("from/missing"));
  EXPECT_EQ(Find(r, "to/missing")->twilio_code, 21604);
  EXPECT_EQ(Find(r, "from/missing")->twilio_code, 21603);
  EXPECT_EQ(Find(r, "from/missing")->severity, Severity::kError);
  EXPECT_FALSE(DefaultLinter().IsSendable(m));
}

TEST(NumbersTest, MessagingServiceInsteadOfFrom) {
  Message m = Msg("+447400123456", "");
  m.messaging_service_id = "MG0123456789abcdef0123456789ABCDEF";
  Report r = DefaultLinter().Lint(m);
  EXPECT_THAT(r.diagnostics, IsEmpty());
  ASSERT_TRUE(r.from_number.has_value());
  EXPECT_EQ(r.from_number->kind, NumberKind::kMessagingService);
  EXPECT_TRUE(r.from_number->valid);
  for (const char* bad : {"MG123", "AC0123456789abcdef0123456789abcdef",
                          "MG0123456789abcdef0123456789abcdeg",
                          "MG0123456789abcdef0123456789abcdef0"}) {
    m.messaging_service_id = bad;
    r = DefaultLinter().Lint(m);
    EXPECT_THAT(Ids(r, "messaging_service_id"),
                ElementsAre("message/invalid-messaging-service-id"))
        << bad;
    EXPECT_EQ(r.from_number->reason, "bad_format");
    EXPECT_FALSE(r.from_number->valid);
  }
  // Checked even beside a from.
  m.from = "Acme";
  EXPECT_THAT(Ids(DefaultLinter().Lint(m), "messaging_service_id"),
              ElementsAre("message/invalid-messaging-service-id"));
}

TEST(NumbersTest, FromPhoneNumber) {
  Report r = DefaultLinter().Lint(Msg("+447400123456", "+447400123457"));
  EXPECT_THAT(Ids(r, "from"), IsEmpty());
  r = DefaultLinter().Lint(Msg("+447400123456", "(415) 555-0100", "US"));
  const Diagnostic* d = Find(r, "from/not-e164");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->twilio_code, 21212);
  EXPECT_EQ(d->fix->edits[0].replacement, "+14155550100");
  r = DefaultLinter().Lint(Msg("+447400123456", "+1415555010"));
  EXPECT_EQ(Find(r, "from/not-possible")->Arg("reason"), "too_short");
  EXPECT_EQ(Find(r, "from/not-possible")->twilio_code, 21212);
  r = DefaultLinter().Lint(Msg("+447400123456", "+11005550100"));
  EXPECT_EQ(Find(r, "from/not-valid")->severity, Severity::kWarning);
  r = DefaultLinter().Lint(Msg("+447400123456", "4155550100"));
  EXPECT_EQ(Find(r, "from/unparseable")->Arg("reason"), "no_region");
  EXPECT_EQ(Find(r, "from/unparseable")->twilio_code, 21212);
  // A number with an extension is a phone number, not a sender name.
  r = DefaultLinter().Lint(Msg("+447400123456", "415 555 0100 ext 12", "US"));
  EXPECT_EQ(r.from_number->kind, NumberKind::kPhone);
  EXPECT_EQ(Find(r, "from/not-e164")->fix->applicability, Applicability::kUnsafe);
}

TEST(NumbersTest, ToEqualsFromAfterNormalisation) {
  Report r = DefaultLinter().Lint(Msg("+14155550100", "+1 415-555-0100"));
  const Diagnostic* d = Find(r, "message/to-equals-from");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->twilio_code, 21266);
  EXPECT_EQ(d->severity, Severity::kError);
  EXPECT_EQ(d->Arg("number"), "+14155550100");
  r = DefaultLinter().Lint(Msg("(415) 555-0100", "+14155550100", "US"));
  EXPECT_NE(Find(r, "message/to-equals-from"), nullptr);
  r = DefaultLinter().Lint(Msg("+14155550100", "+14155550101"));
  EXPECT_EQ(Find(r, "message/to-equals-from"), nullptr);
}

TEST(NumbersTest, ShortCodes) {
  // Valid in the recipient's country.
  Report r = DefaultLinter().Lint(Msg("+14155550132", "898287"));
  EXPECT_THAT(Ids(r, "from"), IsEmpty());
  ASSERT_TRUE(r.from_number.has_value());
  EXPECT_EQ(r.from_number->kind, NumberKind::kShortCode);
  EXPECT_EQ(r.from_number->region, "US");
  EXPECT_TRUE(r.from_number->valid);
  EXPECT_THAT(Ids(DefaultLinter().Lint(Msg("+447400123456", "81010")), "from"),
              IsEmpty());
  // Possible, not in the metadata: a warning.
  r = DefaultLinter().Lint(Msg("+14155550132", "12345"));
  EXPECT_THAT(Ids(r, "from"), ElementsAre("from/short-code-unknown"));
  EXPECT_EQ(Find(r, "from/short-code-unknown")->severity, Severity::kWarning);
  EXPECT_EQ(r.from_number->reason, "not_valid_for_region");
  // A length the country's short codes never have.
  r = DefaultLinter().Lint(Msg("+14155550132", "1234567"));
  EXPECT_THAT(Ids(r, "from"), ElementsAre("from/short-code-not-possible"));
  EXPECT_EQ(Find(r, "from/short-code-not-possible")->severity, Severity::kError);
  EXPECT_EQ(Find(r, "from/short-code-not-possible")->Arg("region"), "US");
  // Without a recipient country there is nothing to check against.
  r = DefaultLinter().Lint(Msg("hello", "898287"));
  EXPECT_THAT(Ids(r, "from"), IsEmpty());
  EXPECT_EQ(r.from_number->reason, "no_region");
}

TEST(NumbersTest, AlphanumericSenders) {
  Report r = DefaultLinter().Lint(Msg("+447400123456", "Acme Dental"));
  EXPECT_THAT(Ids(r, "from"), IsEmpty());
  EXPECT_EQ(r.from_number->kind, NumberKind::kAlphanumeric);
  EXPECT_TRUE(r.from_number->valid);
  struct Bad {
    const char* id;
    const char* reason;
  };
  for (const Bad& b : {Bad{"Acme-Corp", "bad_characters"},
                       Bad{"AcmeRewardsClub", "too_long"},
                       Bad{"Caf\xC3\xA9", "bad_characters"},
                       Bad{"Acme.co", "bad_characters"}}) {
    r = DefaultLinter().Lint(Msg("+447400123456", b.id));
    const Diagnostic* d = Find(r, "from/alphanumeric-invalid");
    ASSERT_NE(d, nullptr) << b.id;
    EXPECT_EQ(d->Arg("reason"), b.reason) << b.id;
    EXPECT_EQ(d->twilio_code, 21212);
    EXPECT_EQ(r.from_number->reason, b.reason);
  }
  // 11 characters is the limit.
  EXPECT_THAT(Ids(DefaultLinter().Lint(Msg("+447400123456", "AcmeDental1")),
                  "from"),
              IsEmpty());
  for (const char* to : {"+14155550132", "+15062345678"}) {
    r = DefaultLinter().Lint(Msg(to, "Acme"));
    const Diagnostic* d = Find(r, "from/alphanumeric-to-us-ca");
    ASSERT_NE(d, nullptr) << to;
    EXPECT_EQ(d->severity, Severity::kError);
    EXPECT_EQ(d->twilio_code, 21612);
  }
  EXPECT_EQ(Find(DefaultLinter().Lint(Msg("+33612345678", "Acme")),
                 "from/alphanumeric-to-us-ca"),
            nullptr);
}

TEST(NumbersTest, DisablingAnArea) {
  Options o;
  o.disabled_rules = {"to", "from", "message"};
  const Linter quiet(o);
  ASSERT_TRUE(quiet.ok());
  const Report r = quiet.Lint(Msg("hello", "Acme-Corp"));
  EXPECT_THAT(r.diagnostics, IsEmpty());
  // The facts are still reported.
  EXPECT_EQ(r.to_number->reason, "not_a_number");
}

TEST(NumbersTest, ConcurrentLintsAgree) {
  const Linter& linter = DefaultLinter();
  const std::vector<Message> msgs = {
      Msg("(415) 555-0132", "Acme", "US"), Msg("+442079460123", "12345"),
      Msg("07400 123456", "+447400123456", "GB"), Msg("+999 1", "Acme-Corp")};
  std::vector<std::string> want;
  for (const Message& m : msgs) want.push_back(ReportToJson(linter.Lint(m)));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(2, 0);
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const size_t k = (i + t) % msgs.size();
        mismatches[t] += ReportToJson(linter.Lint(msgs[k])) != want[k];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_THAT(mismatches, ElementsAre(0, 0));
}

// --- Sender id helpers -------------------------------------------------------

TEST(SenderIdsTest, Classify) {
  using internal::ClassifySender;
  EXPECT_EQ(ClassifySender("Acme"), NumberKind::kAlphanumeric);
  EXPECT_EQ(ClassifySender("Acme-Corp"), NumberKind::kAlphanumeric);
  EXPECT_EQ(ClassifySender("1-800-FLOWERS"), NumberKind::kAlphanumeric);
  EXPECT_EQ(ClassifySender("123"), NumberKind::kShortCode);
  EXPECT_EQ(ClassifySender("12345678"), NumberKind::kShortCode);
  EXPECT_EQ(ClassifySender("123456789"), NumberKind::kPhone);
  EXPECT_EQ(ClassifySender("12"), NumberKind::kPhone);
  EXPECT_EQ(ClassifySender("+14155550100"), NumberKind::kPhone);
  EXPECT_EQ(ClassifySender("+1 415 555 0100 ext. 12"), NumberKind::kPhone);
  EXPECT_EQ(ClassifySender("415 555 0100 x12"), NumberKind::kPhone);
  EXPECT_EQ(ClassifySender("tel:+14155550100"), NumberKind::kPhone);
  EXPECT_EQ(ClassifySender("(415) 555-0100"), NumberKind::kPhone);
}

TEST(SenderIdsTest, StrictE164) {
  using internal::IsStrictE164;
  EXPECT_TRUE(IsStrictE164("+14155550132"));
  EXPECT_TRUE(IsStrictE164("+123456789012345"));    // 15 digits
  EXPECT_FALSE(IsStrictE164("+1234567890123456"));  // 16
  EXPECT_FALSE(IsStrictE164("14155550132"));
  EXPECT_FALSE(IsStrictE164("+04155550132"));
  EXPECT_FALSE(IsStrictE164("+1 4155550132"));
  EXPECT_FALSE(IsStrictE164("+1"));
  EXPECT_FALSE(IsStrictE164("+14155550132 "));
}

TEST(SenderIdsTest, AlphanumericProblems) {
  std::string reason;
  EXPECT_EQ(internal::AlphanumericProblem("Acme 2", &reason), "");
  EXPECT_EQ(reason, "");
  EXPECT_NE(internal::AlphanumericProblem("123 45", &reason), "");
  EXPECT_EQ(reason, "no_letter");
  EXPECT_NE(internal::AlphanumericProblem("A_B", &reason).find("'_'"),
            std::string::npos);
  EXPECT_EQ(reason, "bad_characters");
  EXPECT_NE(internal::AlphanumericProblem("AcmeRewards12", &reason), "");
  EXPECT_EQ(reason, "too_long");
  // Characters, not bytes: 11 two-byte letters are too long only by charset.
  EXPECT_NE(internal::AlphanumericProblem("\xC3\xA9", &reason).find("0xC3"),
            std::string::npos);
}

TEST(SenderIdsTest, MessagingServiceIds) {
  EXPECT_TRUE(internal::IsMessagingServiceId("MG0123456789abcdef0123456789abcdef"));
  EXPECT_FALSE(internal::IsMessagingServiceId("mg0123456789abcdef0123456789abcdef"));
  EXPECT_FALSE(internal::IsMessagingServiceId("MG0123456789abcdef0123456789abcde"));
  EXPECT_FALSE(internal::IsMessagingServiceId(""));
}

TEST(NumbersTest, EveryNumberRuleIsDocumentedWithItsCode) {
  const std::vector<std::pair<std::string_view, int>> codes = {
      {"to/missing", 21604},        {"to/not-e164", 21211},
      {"to/not-possible", 21211},   {"to/not-valid", 21211},
      {"to/unparseable", 21211},    {"to/fixed-line", 21614},
      {"from/missing", 21603},      {"from/not-e164", 21212},
      {"from/not-possible", 21212}, {"from/not-valid", 21212},
      {"from/unparseable", 21212},  {"message/to-equals-from", 21266},
      {"from/alphanumeric-to-us-ca", 21612}};
  for (const auto& [id, code] : codes) {
    const RuleInfo* r = FindRule(id);
    ASSERT_NE(r, nullptr) << id;
    EXPECT_EQ(r->twilio_code, code) << id;
  }
  EXPECT_TRUE(FindRule("to/not-e164")->fixable);
  EXPECT_TRUE(FindRule("from/not-e164")->fixable);
}

}  // namespace
}  // namespace smslint
