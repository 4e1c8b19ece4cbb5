// Reading a media file that input data names (Media::path). Input data is
// not trusted: a path could name /dev/stdin (smslint's own input), a FIFO
// (a hang), /etc/shadow or /proc/self/environ. So files are read only under
// Options::media_root, only regular files, and only their first bytes.
#ifndef SMSLINT_SRC_MEDIA_MEDIA_FILE_H_
#define SMSLINT_SRC_MEDIA_MEDIA_FILE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace smslint::internal {

// The canonical absolute form of `root` (symlinks resolved, no trailing
// '/'; "/" stays "/"). "" with `error` set when it is not a directory.
std::string CanonicalMediaRoot(const std::string& root, std::string* error);

struct MediaFileHead {
  std::string head;    // the first bytes, at most the `max_bytes` asked for
  uint64_t size = 0;   // the file's size (fstat)
  std::string error;   // why the file was refused or not read; "" when read
};

// Reads the first `max_bytes` of `path` when it is a regular file under
// `canonical_root` (from CanonicalMediaRoot). A relative path is relative to
// the root; an absolute one must lie under it once symlinks are resolved.
// Refused: anything outside the root, anything not a regular file (FIFO,
// device, directory, socket), anything under /proc, /sys or /dev. The file is
// opened component by component from the root with O_NOFOLLOW, so a link
// swapped in after the check cannot lead outside (no check-then-use race);
// with O_NONBLOCK, so nothing can block; and at most min(size, max_bytes)
// bytes are read, so a pseudo-file that claims size 0 yields nothing.
// A hard link inside the root to a file elsewhere is a file under the root:
// choose a root that only trusted users can write to.
MediaFileHead ReadMediaFileHead(std::string_view canonical_root,
                                std::string_view path, size_t max_bytes);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_MEDIA_MEDIA_FILE_H_
