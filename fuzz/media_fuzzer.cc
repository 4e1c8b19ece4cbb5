// Fuzz target for media input (src/media/): sniffing arbitrary bytes with
// libmagic and the media rules over items built from the input.
//
// Input layout: byte 0 = item count (mod 13), byte 1 = region choice, then
// per item 2 bytes (content type index, size class); the rest is the bytes
// of the last item, sniffed.
//
// Invariants:
//  - nothing throws or crashes on any bytes;
//  - every emitted rule is a media/* or mms/* rule the registry knows, on
//    field "to", "from", "media" or "media[i]" with i < item count;
//  - media/too-many fires exactly when there are more than 10 items;
//  - a sniffed type, when there is one, is "type/subtype".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "media/media_rules.h"
#include "media/sniff.h"
#include "smslint/rules.h"

namespace {

constexpr std::string_view kTypes[] = {
    "image/jpeg", "image/png", "IMAGE/GIF; x=y", "video/mp4", "image/webp",
    "application/zip", "", "text/csv", "application/pdf", "audio/mpeg",
    "image/jpg", "text/vcard", " image/png ", "a/b/c", ";", "\xff\xfe",
};
constexpr std::string_view kRegions[] = {"US", "CA", "AU", "GB", "", "001", "IN"};
constexpr uint64_t kSizes[] = {0, 1, 600'000, 600'001, 2'500'000, 5'000'000,
                               5'000'001, UINT64_MAX / 4};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using smslint::internal::CheckMedia;
  if (size < 2) return 0;
  const size_t count = data[0] % 13;
  const std::string_view to = kRegions[data[1] % std::size(kRegions)];
  const std::string_view from = kRegions[(data[1] / 8) % std::size(kRegions)];
  size_t pos = 2;
  smslint::Message m;
  for (size_t i = 0; i < count; ++i) {
    smslint::Media item;
    const uint8_t a = pos < size ? data[pos++] : 0;
    const uint8_t b = pos < size ? data[pos++] : 0;
    item.content_type = std::string(kTypes[a % std::size(kTypes)]);
    if (b % 9 != 8) item.size_bytes = kSizes[b % 8];
    m.media.push_back(std::move(item));
  }
  const std::string_view rest(reinterpret_cast<const char*>(data) + pos, size - pos);
  if (!m.media.empty()) m.media.back().bytes = std::string(rest);

  const smslint::internal::SniffResult sniffed = smslint::internal::SniffBytes(rest);
  FUZZ_CHECK(sniffed.mime_type.empty() ||
             sniffed.mime_type.find('/') != std::string::npos);

  bool too_many = false;
  smslint::Diagnostic scratch;
  const smslint::internal::Emit emit(
      [&](smslint::internal::Finding&& f) {
        const std::string_view id = smslint::AllRules()[f.rule.index].id;
        const std::string_view field = f.field;
        FUZZ_CHECK_MSG(smslint::FindRule(id) != nullptr, std::string(id));
        FUZZ_CHECK_MSG(id.starts_with("media/") || id.starts_with("mms/"),
                       std::string(id));
        bool field_ok = field == "to" || field == "from" || field == "media";
        for (size_t i = 0; i < count && !field_ok; ++i) {
          field_ok = field == "media[" + std::to_string(i) + "]";
        }
        FUZZ_CHECK_MSG(field_ok, std::string(field));
        if (id == "media/too-many") too_many = true;
        return &scratch;
      });
  CheckMedia(m, {to, from}, emit);
  FUZZ_CHECK(too_many == (count > 10));
  return 0;
}
