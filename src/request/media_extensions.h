// The media type a URL's file extension implies, for media_url checks
// against Twilio's accepted types (data/media_types.tsv). The mapping is
// the one of Apache's and Debian's mime.types (media-types package,
// /etc/mime.types) for the extensions of the types Twilio lists, plus
// common extensions of types it does not accept, so that a .zip or .webp
// URL is reported. An extension not here says nothing (".php", ".aspx",
// no extension: the server decides the type).
#ifndef SMSLINT_SRC_REQUEST_MEDIA_EXTENSIONS_H_
#define SMSLINT_SRC_REQUEST_MEDIA_EXTENSIONS_H_

#include <algorithm>
#include <iterator>
#include <string_view>

namespace smslint::internal {

struct ExtensionType {
  std::string_view extension;  // lower case, no dot
  std::string_view content_type;
};

// Sorted by extension.
inline constexpr ExtensionType kExtensionTypes[] = {
    {"3g2", "video/3gpp2"},
    {"3gp", "video/3gpp"},
    {"7z", "application/x-7z-compressed"},
    {"aac", "audio/aac"},
    {"ac3", "audio/ac3"},
    {"amr", "audio/amr"},
    {"apk", "application/vnd.android.package-archive"},
    {"avi", "video/x-msvideo"},
    {"avif", "image/avif"},
    {"bmp", "image/bmp"},
    {"csv", "text/csv"},
    {"doc", "application/msword"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"exe", "application/x-msdownload"},
    {"flac", "audio/flac"},
    {"gif", "image/gif"},
    {"heic", "image/heic"},
    {"heif", "image/heif"},
    {"htm", "text/html"},
    {"html", "text/html"},
    {"ics", "text/calendar"},
    {"jpe", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"jpg", "image/jpeg"},
    {"js", "text/javascript"},
    {"json", "application/json"},
    {"m4a", "audio/mp4"},
    {"m4v", "video/mp4"},
    {"mkv", "video/x-matroska"},
    {"mov", "video/quicktime"},
    {"mp3", "audio/mpeg"},
    {"mp4", "video/mp4"},
    {"mpeg", "video/mpeg"},
    {"mpg", "video/mpeg"},
    {"oga", "audio/ogg"},
    {"ogg", "audio/ogg"},
    {"pdf", "application/pdf"},
    {"pkpass", "application/vnd.apple.pkpass"},
    {"png", "image/png"},
    {"ppt", "application/vnd.ms-powerpoint"},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"rar", "application/vnd.rar"},
    {"rtf", "text/rtf"},
    {"svg", "image/svg+xml"},
    {"tif", "image/tiff"},
    {"tiff", "image/tiff"},
    {"txt", "text/plain"},
    {"vcard", "text/vcard"},
    {"vcf", "text/vcard"},
    {"wav", "audio/vnd.wave"},
    {"weba", "audio/webm"},
    {"webm", "video/webm"},
    {"webp", "image/webp"},
    {"wmv", "video/x-ms-wmv"},
    {"xls", "application/vnd.ms-excel"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"zip", "application/zip"},
};

// The type `extension` (lower case, no dot) implies; "" when unknown.
inline std::string_view TypeForExtension(std::string_view extension) {
  const auto* end = std::end(kExtensionTypes);
  const auto* it = std::lower_bound(
      std::begin(kExtensionTypes), end, extension,
      [](const ExtensionType& e, std::string_view x) { return e.extension < x; });
  return it != end && it->extension == extension ? it->content_type : std::string_view();
}

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_REQUEST_MEDIA_EXTENSIONS_H_
