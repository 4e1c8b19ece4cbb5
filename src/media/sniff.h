// The real type of media bytes, by libmagic (libmagic-dev), so a declared
// content type that does not match the file can be caught before Twilio
// rejects it.
#ifndef SMSLINT_SRC_MEDIA_SNIFF_H_
#define SMSLINT_SRC_MEDIA_SNIFF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smslint::internal {

// How many bytes sniffing reads from a file: libmagic's own default
// (MAGIC_PARAM_BYTES_MAX is 1 MiB, but the media formats here are
// recognised from their first few KB).
inline constexpr size_t kSniffBytes = 64 * 1024;

struct SniffResult {
  std::string mime_type;   // e.g. "image/png"; empty when unknown
  std::optional<uint64_t> file_size;  // for a path
  std::string error;       // non-empty when the file could not be read
};

// Sniffs a file (its first kSniffBytes, read by ReadMediaFileHead under
// `media_root`, a canonical root: media/media_file.h says what is refused)
// or a buffer.
// Thread-safe: one libmagic handle, loaded on first use and guarded by a
// mutex (libmagic handles are not thread-safe; sniffing is rare, so
// contention is not a concern).
SniffResult SniffFile(std::string_view media_root, std::string_view path);
SniffResult SniffBytes(std::string_view bytes);

// Whether a sniffed type contradicts a declared one. Generic answers
// (text/plain, application/octet-stream, application/zip for Office files)
// contradict nothing: libmagic cannot tell, so smslint does not guess.
bool TypesConflict(std::string_view declared, std::string_view sniffed);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_MEDIA_SNIFF_H_
