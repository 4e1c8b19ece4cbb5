// Twilio's media content types and MMS regions (generated from data/).
#ifndef SMSLINT_SRC_MEDIA_MEDIA_TABLES_H_
#define SMSLINT_SRC_MEDIA_MEDIA_TABLES_H_

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "base/ascii.h"

namespace smslint::internal {

enum class MediaSupport {
  kSupported,     // transcoded for the destination device
  kAccepted,      // accepted, not transcoded
  kWhatsAppOnly,  // not for MMS
};

struct MediaTypeEntry {
  std::string_view content_type;
  MediaSupport support;
};

#include "gen/media_types.inc"
#include "gen/mms_regions.inc"

// "Image/JPEG; charset=x" -> "image/jpeg": the part a type list compares.
inline std::string NormalizeContentType(std::string_view type) {
  const size_t semi = type.find(';');
  if (semi != std::string_view::npos) type = type.substr(0, semi);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) {
    type.remove_suffix(1);
  }
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) {
    type.remove_prefix(1);
  }
  return base::LowerAscii(type);
}

// Support for a normalized content type; nullopt when Twilio does not list it.
inline std::optional<MediaSupport> FindMediaSupport(std::string_view type) {
  const auto* end = std::end(kMediaTypes);
  const auto* it = std::lower_bound(
      std::begin(kMediaTypes), end, type,
      [](const MediaTypeEntry& e, std::string_view t) { return e.content_type < t; });
  if (it != end && it->content_type == type) return it->support;
  return std::nullopt;
}

inline bool IsMmsRegion(std::string_view region) {
  return std::find(std::begin(kMmsRegions), std::end(kMmsRegions), region) !=
         std::end(kMmsRegions);
}

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_MEDIA_MEDIA_TABLES_H_
