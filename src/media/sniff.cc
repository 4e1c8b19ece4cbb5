#include "media/sniff.h"

#include <magic.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <utility>

#include "media/media_file.h"
#include "media/media_tables.h"

namespace smslint::internal {
namespace {

std::mutex& MagicMutex() {
  static std::mutex m;
  return m;
}

// Guarded by MagicMutex().
magic_t Magic() {
  static magic_t cookie = [] {
    magic_t c = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
    if (c != nullptr && magic_load(c, nullptr) != 0) {
      magic_close(c);
      c = nullptr;
    }
    return c;
  }();
  return cookie;
}

std::string SniffBuffer(const void* data, size_t size) {
  std::lock_guard<std::mutex> lock(MagicMutex());
  magic_t m = Magic();
  if (m == nullptr) return "";
  const char* type = magic_buffer(m, data, size);
  return type == nullptr ? "" : type;
}

// Aliases that name the same format.
std::string Canonical(std::string_view type) {
  std::string t = NormalizeContentType(type);
  if (t == "image/jpg" || t == "image/pjpeg") return "image/jpeg";
  if (t == "audio/x-wav" || t == "audio/wav" || t == "audio/vnd.wave") return "audio/wav";
  if (t == "audio/mp3" || t == "audio/x-mpeg") return "audio/mpeg";
  if (t == "text/x-vcard" || t == "text/directory" || t == "application/vcard") {
    return "text/vcard";
  }
  if (t == "video/x-m4v") return "video/mp4";
  if (t == "audio/x-m4a") return "audio/mp4";
  if (t == "image/x-ms-bmp") return "image/bmp";
  return t;
}

}  // namespace

SniffResult SniffFile(std::string_view media_root, std::string_view path) {
  SniffResult r;
  MediaFileHead file = ReadMediaFileHead(media_root, path, kSniffBytes);
  if (!file.error.empty()) {
    r.error = std::move(file.error);
    return r;
  }
  r.file_size = file.size;
  r.mime_type = SniffBuffer(file.head.data(), file.head.size());
  return r;
}

SniffResult SniffBytes(std::string_view bytes) {
  SniffResult r;
  r.mime_type = SniffBuffer(bytes.data(), std::min(bytes.size(), kSniffBytes));
  return r;
}

bool TypesConflict(std::string_view declared, std::string_view sniffed) {
  const std::string s = Canonical(sniffed);
  if (s.empty() || s == "text/plain" || s == "application/octet-stream" ||
      s == "application/zip" || s == "application/x-empty" ||
      s == "inode/x-empty" || s == "application/cdfv2") {
    return false;
  }
  const std::string d = Canonical(declared);
  if (d == s) return false;
  // libmagic names some containers differently from their MIME types.
  if ((d == "audio/mp4" || d == "video/mp4") && (s == "video/mp4" || s == "audio/mp4")) {
    return false;
  }
  if ((d == "video/3gpp" || d == "audio/3gpp") && (s == "video/3gpp" || s == "audio/3gpp")) {
    return false;
  }
  if (d.starts_with("text/") && s.starts_with("text/")) return false;
  return true;
}

}  // namespace smslint::internal
