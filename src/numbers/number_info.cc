// Names of the public number enums, and the metadata version.
#include "smslint/numbers.h"
#include "smslint_config.h"

namespace smslint {

std::string_view NumberKindName(NumberKind kind) {
  switch (kind) {
    case NumberKind::kPhone: return "phone";
    case NumberKind::kShortCode: return "short_code";
    case NumberKind::kAlphanumeric: return "alphanumeric";
    case NumberKind::kMessagingService: return "messaging_service";
  }
  return "phone";
}

std::string_view NumberTypeName(NumberType type) {
  switch (type) {
    case NumberType::kUnknown: return "unknown";
    case NumberType::kFixedLine: return "fixed_line";
    case NumberType::kMobile: return "mobile";
    case NumberType::kFixedLineOrMobile: return "fixed_line_or_mobile";
    case NumberType::kTollFree: return "toll_free";
    case NumberType::kPremiumRate: return "premium_rate";
    case NumberType::kSharedCost: return "shared_cost";
    case NumberType::kVoip: return "voip";
    case NumberType::kPersonalNumber: return "personal_number";
    case NumberType::kPager: return "pager";
    case NumberType::kUan: return "uan";
    case NumberType::kVoicemail: return "voicemail";
  }
  return "unknown";
}

std::string_view PhoneMetadataVersion() {
  return SMSLINT_PHONE_METADATA_VERSION;
}

}  // namespace smslint
