#include "media/media_rules.h"

#include <string>

#include "media/media_tables.h"
#include "media/sniff.h"

namespace smslint::internal {
namespace {

std::string Field(size_t i) { return "media[" + std::to_string(i) + "]"; }

std::string Megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

void CheckMmsRegions(const Message& m, const MediaContext& ctx,
                     const Emit& emit) {
  const size_t count = m.media.size() + m.media_urls.size();
  if (!ctx.to_region.empty() && !IsMmsRegion(ctx.to_region)) {
    emit(rule::kMmsUnsupportedCountry, "to", std::nullopt,
         {{"party", "recipient"}, {"region", std::string(ctx.to_region)},
          {"count", std::to_string(count)}});
  }
  if (!ctx.from_region.empty() && !IsMmsRegion(ctx.from_region)) {
    emit(rule::kMmsUnsupportedCountry, "from", std::nullopt,
         {{"party", "sender"}, {"region", std::string(ctx.from_region)},
          {"count", std::to_string(count)}});
  }
}

}  // namespace

bool MediaRulesReadFiles(const std::function<bool(RuleId)>& enabled) {
  for (RuleId id : {rule::kMediaTypeMismatch, rule::kMediaUnreadable, rule::kMediaTooLarge,
                    rule::kMediaSizeUnknown, rule::kMediaNotTranscoded}) {
    if (enabled(id)) return true;
  }
  return false;
}

void CheckMedia(const Message& m, const MediaContext& ctx, const Emit& emit) {
  // Media by URL counts for MMS eligibility, the item count and the size
  // total (as sizes unknown); the type checks below read `media`.
  if (m.media.empty() && m.media_urls.empty()) return;
  CheckMmsRegions(m, ctx, emit);
  // Twilio's limit counts every media of the message, by URL or not.
  const size_t count = m.media.size() + m.media_urls.size();
  if (count > kMaxMediaItems) {
    emit(rule::kMediaTooMany, m.media.empty() ? "media_url" : "media", std::nullopt,
         {{"count", std::to_string(count)},
          {"limit", std::to_string(kMaxMediaItems)}});
  }
  uint64_t total = 0;
  bool saturated = false;
  size_t unknown_sizes = 0;
  for (size_t i = 0; i < m.media.size(); ++i) {
    const Media& item = m.media[i];
    const std::string field = Field(i);
    const std::string type = NormalizeContentType(item.content_type);
    std::optional<uint64_t> size = item.size_bytes;

    // What the bytes really are, when the caller gave them. A path comes
    // from input data: read only under the media root (media/media_file.h),
    // and only when a rule needs the file.
    SniffResult sniffed;
    if (item.path && ctx.media_root.empty()) {
      emit(rule::kMediaPathNotAllowed, field, std::nullopt, {{"path", *item.path}});
    } else if (item.path && ctx.read_files) {
      sniffed = SniffFile(ctx.media_root, *item.path);
      if (!sniffed.error.empty()) {
        emit(rule::kMediaUnreadable, field, std::nullopt,
             {{"path", *item.path}, {"reason", sniffed.error}});
      }
      if (!size) size = sniffed.file_size;
    } else if (item.path) {
      // Every rule that reads files is off: nothing is opened.
    } else if (item.bytes) {
      sniffed = SniffBytes(*item.bytes);
      if (!size) size = item.bytes->size();
    }

    const std::optional<MediaSupport> support =
        type.empty() ? std::nullopt : FindMediaSupport(type);
    if (type.empty()) {
      emit(rule::kMediaMissingContentType, field, std::nullopt, {});
    } else if (!support || *support == MediaSupport::kWhatsAppOnly) {
      emit(rule::kMediaUnsupportedType, field, std::nullopt,
           {{"content_type", item.content_type},
            {"hint", support ? " (image/webp is for WhatsApp stickers only)"
                             : ""}});
    } else if (*support == MediaSupport::kAccepted) {
      const bool over = size && *size > kCarrierNonImageBytes;
      emit(rule::kMediaNotTranscoded, field, std::nullopt,
           {{"content_type", type},
            {"size", size ? Megabytes(*size) : "unknown size"},
            {"carrier_note", over ? "over the 0.6 MB some US carriers allow "
                                    "for non-images"
                                  : "some US carriers allow only 0.6 MB "
                                    "for non-images"}});
    }
    if (!type.empty() && !sniffed.mime_type.empty() &&
        TypesConflict(type, sniffed.mime_type)) {
      emit(rule::kMediaTypeMismatch, field, std::nullopt,
           {{"declared", type}, {"actual", sniffed.mime_type}});
    }
    if (size) {
      total = AddSaturating(total, *size, &saturated);
    } else {
      ++unknown_sizes;
      emit(rule::kMediaSizeUnknown, field, std::nullopt, {});
    }
  }
  // A URL says nothing of its size (nothing is fetched): each one is an
  // item of unknown size for the 5 MB total. The other media_url checks are
  // src/request's.
  for (size_t i = 0; i < m.media_urls.size(); ++i) {
    ++unknown_sizes;
    emit(rule::kMediaSizeUnknown, "media_url[" + std::to_string(i) + "]", std::nullopt, {});
  }
  if (total > kMaxMediaBytes) {
    emit(rule::kMediaTooLarge, "media", std::nullopt,
         {{"total", (saturated ? "more than " : "") + Megabytes(total)},
          {"limit", Megabytes(kMaxMediaBytes)},
          {"unknown", unknown_sizes ? " (plus " + std::to_string(unknown_sizes) +
                                          " item(s) of unknown size)"
                                    : ""}});
  }
}

}  // namespace smslint::internal
