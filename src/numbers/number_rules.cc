#include "numbers/number_rules.h"

#include <optional>
#include <string>
#include <utility>

#include "base/ascii.h"
#include "base/utf16_span.h"
#include "numbers/sender_ids.h"

namespace smslint::internal {
namespace {

// The rule ids of one phone field ("to" or "from").
struct FieldRules {
  std::string_view field;
  RuleId unparseable;
  RuleId not_e164;
  RuleId not_possible;
  RuleId not_valid;
};

constexpr FieldRules kTo = {"to", rule::kToUnparseable, rule::kToNotE164,
                            rule::kToNotPossible, rule::kToNotValid};
constexpr FieldRules kFrom = {"from", rule::kFromUnparseable, rule::kFromNotE164,
                              rule::kFromNotPossible, rule::kFromNotValid};

// Machine code and sentence of a Parse failure.
std::pair<std::string, std::string> ParseReason(ParseStatus s) {
  switch (s) {
    case ParseStatus::kOk: return {"", ""};
    case ParseStatus::kNoRegion:
      return {"no_region",
              "it has no country code and no region was given to read it in "
              "(set the message's region or the default region, or write "
              "+<country code>)"};
    case ParseStatus::kNotANumber:
      return {"not_a_number", "it does not look like a phone number"};
    case ParseStatus::kInvalidCountryCode:
      return {"invalid_country_code", "it does not start with a known country "
                                      "code"};
    case ParseStatus::kTooShortAfterIdd:
      return {"too_short_after_idd",
              "too few digits after the international prefix"};
    case ParseStatus::kTooShort:
      return {"too_short", "too few digits to be a phone number"};
    case ParseStatus::kTooLong:
      return {"too_long", "too many digits to be a phone number"};
  }
  return {"not_a_number", "it does not look like a phone number"};
}

std::pair<std::string, std::string> PossibilityReason(Possibility p) {
  switch (p) {
    case Possibility::kPossible: return {"", ""};
    case Possibility::kLocalOnly:
      return {"local_only",
              "it has a length only dialable locally: the area code is "
              "probably missing"};
    case Possibility::kInvalidCountryCode:
      return {"invalid_country_code", "the country code is not assigned"};
    case Possibility::kTooShort:
      return {"too_short", "too short for its country"};
    case Possibility::kTooLong:
      return {"too_long", "too long for its country"};
    case Possibility::kInvalidLength:
      return {"invalid_length", "no number of its country has this length"};
  }
  return {"invalid_length", "no number of its country has this length"};
}

std::string RegionLabel(const NumberInfo& info) {
  if (!info.region.empty() && info.region != "001") return info.region;
  return "+" + std::to_string(info.country_code);
}

NumberInfo CheckPhone(const FieldRules& rules, std::string_view input,
                      const std::string& region, const PhoneUtil& phones,
                      bool fast_numbers,
                      const Emit& emit) {
  NumberInfo info;
  info.input = std::string(input);
  info.kind = NumberKind::kPhone;
  const PhoneFacts f = phones.Analyze(input, region, fast_numbers);
  if (f.parse != ParseStatus::kOk) {
    auto [code, detail] = ParseReason(f.parse);
    info.reason = code;
    emit(rules.unparseable, rules.field, std::nullopt,
         {{"number", info.input}, {"detail", detail}, {"reason", code}});
    return info;
  }
  info.e164 = f.e164;
  info.region = f.region;
  info.country_code = f.country_code;
  // E.164 allows 15 digits; libphonenumber's possible lengths go beyond
  // for some countries (German numbers of up to 15 national digits).
  const bool too_long_for_e164 = !IsStrictE164(f.e164);
  info.possible = f.possibility == Possibility::kPossible && !too_long_for_e164;
  info.valid = f.valid && info.possible;
  info.type = info.valid ? f.type : NumberType::kUnknown;
  // Strict E.164 is a syntax; the second test catches digits libphonenumber
  // reads differently ("+4407400123456" drops the trunk 0).
  if (!IsStrictE164(input) || input != f.e164) {
    Diagnostic* d = emit(rules.not_e164, rules.field, base::WholeSpan(input),
                         {{"number", info.input}, {"e164", f.e164}});
    // A number that is not possible has no E.164 form worth offering: its
    // own diagnostic below says why. For a number that is not valid,
    // libphonenumber may have stripped a "national prefix" that was part of
    // the number, and reading its E.164 form again strips another digit
    // ("+49 00123456" -> "+490123456" -> "+49123456", found by
    // numbers_fuzzer): such a form is no fix. An extension cannot be sent
    // to, so dropping it needs review.
    if (d != nullptr && info.possible &&
        (info.valid || phones.Analyze(f.e164, "", fast_numbers).e164 == f.e164)) {
      Fix fix;
      const bool safe = info.valid && !f.has_extension;
      fix.applicability = safe ? Applicability::kSafe : Applicability::kUnsafe;
      fix.description = "write it as " + f.e164 +
                        (f.has_extension ? " (drops the extension)"
                         : info.valid    ? ""
                                         : " (review: the number is not "
                                           "valid, so how it was read is "
                                           "uncertain)");
      fix.edits.push_back({base::WholeSpan(input), f.e164});
      d->fix = std::move(fix);
    }
  }
  if (!info.possible) {
    auto [code, detail] = PossibilityReason(f.possibility);
    if (f.possibility == Possibility::kPossible) {
      code = "too_long";
      detail = "more than the 15 digits E.164 allows";
    }
    info.reason = code;
    emit(rules.not_possible, rules.field, std::nullopt,
         {{"number", f.e164}, {"detail", detail}, {"reason", code}});
    return info;
  }
  if (!info.valid) {
    info.reason = "not_valid_for_region";
    emit(rules.not_valid, rules.field, std::nullopt,
         {{"number", f.e164},
          {"region", RegionLabel(info)},
          {"metadata", std::string(PhoneMetadataVersion())}});
  }
  return info;
}

// The type findings of a valid recipient number.
void CheckRecipientType(const NumberInfo& to, const Emit& emit) {
  std::optional<RuleId> rule;
  switch (to.type) {
    case NumberType::kFixedLine: rule = rule::kToFixedLine; break;
    case NumberType::kFixedLineOrMobile: rule = rule::kToFixedLineOrMobile; break;
    case NumberType::kPremiumRate: rule = rule::kToPremiumRate; break;
    case NumberType::kSharedCost: rule = rule::kToSharedCost; break;
    case NumberType::kUan: rule = rule::kToUan; break;
    case NumberType::kPager: rule = rule::kToPager; break;
    case NumberType::kVoicemail: rule = rule::kToVoicemail; break;
    case NumberType::kTollFree: rule = rule::kToTollFree; break;
    default: return;
  }
  emit(*rule, "to", std::nullopt,
       {{"number", to.e164},
        {"region", RegionLabel(to)},
        {"metadata", std::string(PhoneMetadataVersion())}});
}

NumberInfo CheckShortCode(std::string_view from,
                          const std::optional<NumberInfo>& to,
                          const PhoneUtil& phones, const Emit& emit) {
  NumberInfo info;
  info.input = std::string(from);
  info.kind = NumberKind::kShortCode;
  // A short code works only inside its own country, so it is checked
  // against the recipient's region; without one there is nothing to check.
  if (!to || to->region.empty() || to->region == "001") {
    info.reason = "no_region";
    return info;
  }
  info.region = to->region;
  info.country_code = to->country_code;
  const ShortCodeFacts f = phones.AnalyzeShortCode(from, to->region);
  info.possible = f.possible;
  info.valid = f.possible && f.valid;
  if (!f.possible) {
    info.reason = "invalid_length";
    emit(rule::kFromShortCodeNotPossible, "from", std::nullopt,
         {{"code", info.input}, {"region", to->region}});
  } else if (!f.valid) {
    info.reason = "not_valid_for_region";
    emit(rule::kFromShortCodeUnknown, "from", std::nullopt,
         {{"code", info.input},
          {"region", to->region},
          {"metadata", std::string(PhoneMetadataVersion())}});
  }
  return info;
}

NumberInfo CheckAlphanumeric(std::string_view from,
                             const std::optional<NumberInfo>& to,
                             const Emit& emit) {
  NumberInfo info;
  info.input = std::string(from);
  info.kind = NumberKind::kAlphanumeric;
  std::string reason;
  const std::string problem = AlphanumericProblem(from, &reason);
  info.possible = info.valid = problem.empty();
  info.reason = reason;
  if (!problem.empty()) {
    emit(rule::kFromAlphanumericInvalid, "from", std::nullopt,
         {{"sender", info.input}, {"detail", problem}, {"reason", reason}});
  }
  // The US and Canada accept no alphanumeric sender ids at all.
  if (to && (to->region == "US" || to->region == "CA")) {
    emit(rule::kFromAlphanumericToUsCa, "from", std::nullopt,
         {{"sender", info.input}, {"region", to->region}});
  }
  return info;
}

NumberInfo MessagingService(std::string_view id) {
  NumberInfo info;
  info.input = std::string(id);
  info.kind = NumberKind::kMessagingService;
  info.possible = info.valid = IsMessagingServiceId(id);
  if (!info.valid) info.reason = "bad_format";
  return info;
}

}  // namespace

std::string ResolveRegion(const Message& m, const std::string& default_region,
                          const PhoneUtil& phones, const Emit& emit) {
  if (m.region.empty()) return default_region;
  std::string region = base::UpperAscii(m.region);
  if (phones.IsSupportedRegion(region)) return region;
  emit(rule::kMessageUnknownRegion, "region", std::nullopt,
       {{"region", m.region}});
  return default_region;
}

NumberResults CheckNumbers(const Message& m, const std::string& region,
                           const PhoneUtil& phones, bool fast_numbers,
                           const Emit& emit) {
  NumberResults out;
  if (m.to.empty()) {
    emit(rule::kToMissing, "to", std::nullopt, {});
  } else {
    out.to = CheckPhone(kTo, m.to, region, phones, fast_numbers, emit);
    if (out.to->valid) CheckRecipientType(*out.to, emit);
  }

  if (!m.messaging_service_id.empty() &&
      !IsMessagingServiceId(m.messaging_service_id)) {
    emit(rule::kMessageInvalidMessagingServiceId, "messaging_service_id",
         base::WholeSpan(m.messaging_service_id), {{"id", m.messaging_service_id}});
  }
  if (m.from.empty()) {
    if (m.messaging_service_id.empty()) {
      emit(rule::kFromMissing, "from", std::nullopt, {});
    } else {
      out.from = MessagingService(m.messaging_service_id);
    }
    return out;
  }
  switch (ClassifySender(m.from)) {
    case NumberKind::kShortCode:
      out.from = CheckShortCode(m.from, out.to, phones, emit);
      break;
    case NumberKind::kAlphanumeric:
      out.from = CheckAlphanumeric(m.from, out.to, emit);
      break;
    default:
      out.from = CheckPhone(kFrom, m.from, region, phones, fast_numbers, emit);
      break;
  }
  if (out.to && out.from->kind == NumberKind::kPhone && !out.to->e164.empty() &&
      out.to->e164 == out.from->e164) {
    emit(rule::kMessageToEqualsFrom, "to", std::nullopt,
         {{"number", out.to->e164}});
  }
  return out;
}

}  // namespace smslint::internal
