#include "media/media_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <utility>

namespace smslint::internal {
namespace {

#ifdef O_PATH
constexpr int kDirFlags = O_PATH | O_DIRECTORY | O_CLOEXEC;
#else
constexpr int kDirFlags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
#endif

// Closes a descriptor on every return path.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  void Reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string Realpath(const std::string& path, std::string* error) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) {
    *error = std::strerror(errno);
    return "";
  }
  std::string out(resolved);
  std::free(resolved);
  return out;
}

std::string KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

bool Under(std::string_view path, std::string_view dir) {
  if (dir == "/") return true;
  return path.starts_with(dir) &&
         (path.size() == dir.size() || path[dir.size()] == '/');
}

// Why `path` names no media file (it is under /proc, /sys or /dev); "" when
// it is elsewhere.
std::string PseudoFileSystem(std::string_view path) {
  for (std::string_view pseudo : {"/proc", "/sys", "/dev"}) {
    if (Under(path, pseudo)) {
      return "under " + std::string(pseudo) + ", which holds no media files";
    }
  }
  return "";
}

}  // namespace

std::string CanonicalMediaRoot(const std::string& root, std::string* error) {
  if (root.empty() || root.find('\0') != std::string::npos) {
    *error = "not a directory name";
    return "";
  }
  std::string canonical = Realpath(root, error);
  if (canonical.empty()) return "";
  struct stat st;
  if (::stat(canonical.c_str(), &st) != 0) {
    *error = std::strerror(errno);
    return "";
  }
  if (!S_ISDIR(st.st_mode)) {
    *error = "not a directory";
    return "";
  }
  return canonical;
}

MediaFileHead ReadMediaFileHead(std::string_view root, std::string_view path,
                                size_t max_bytes) {
  MediaFileHead r;
  if (root.empty()) {
    r.error = "file access is off";
    return r;
  }
  if (path.empty()) {
    r.error = "the path is empty";
    return r;
  }
  if (path.find('\0') != std::string_view::npos) {
    r.error = "the path contains a NUL byte";
    return r;
  }
  std::string candidate(path);
  if (path.front() != '/') {
    candidate = std::string(root) + (root == "/" ? "" : "/") + candidate;
  }
  // First the names, to say clearly what is refused and why: /proc, /sys
  // and /dev as written (/dev/stdin resolves to a pipe that has no name)
  // and once links are resolved.
  const std::string lexical =
      std::filesystem::path(candidate).lexically_normal().string();
  if (std::string why = PseudoFileSystem(lexical); !why.empty()) {
    r.error = std::move(why);
    return r;
  }
  const std::string canonical = Realpath(candidate, &r.error);
  if (canonical.empty()) return r;
  if (!Under(canonical, root)) {
    r.error = "outside the media root";
    return r;
  }
  if (std::string why = PseudoFileSystem(canonical); !why.empty()) {
    r.error = std::move(why);
    return r;
  }
  std::string_view rel(canonical);
  rel.remove_prefix(root == "/" ? 1 : std::min(rel.size(), root.size() + 1));
  if (rel.empty()) {
    r.error = "not a regular file (a directory)";
    return r;
  }

  // Then open it from the root one component at a time, never following a
  // link: what is opened is what was checked, whatever changes meanwhile.
  Fd dir(::open(std::string(root).c_str(), kDirFlags));
  if (dir.get() < 0) {
    r.error = std::strerror(errno);
    return r;
  }
  size_t slash;
  while ((slash = rel.find('/')) != std::string_view::npos) {
    const std::string component(rel.substr(0, slash));
    const int next = ::openat(dir.get(), component.c_str(), kDirFlags | O_NOFOLLOW);
    if (next < 0) {
      r.error = errno == ELOOP || errno == ENOTDIR
                    ? "the path changed while it was being opened"
                    : std::strerror(errno);
      return r;
    }
    dir.Reset(next);
    rel.remove_prefix(slash + 1);
  }
  const std::string name(rel);
  struct stat before;
  if (::fstatat(dir.get(), name.c_str(), &before, AT_SYMLINK_NOFOLLOW) != 0) {
    r.error = std::strerror(errno);
    return r;
  }
  // Opening a device or a FIFO can block or have side effects: refuse
  // before opening, and check again on what was opened.
  if (!S_ISREG(before.st_mode)) {
    r.error = "not a regular file (" + KindOf(before.st_mode) + ")";
    return r;
  }
  const Fd fd(::openat(dir.get(), name.c_str(),
                       O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    r.error = std::strerror(errno);
    return r;
  }
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) {
    r.error = std::strerror(errno);
    return r;
  }
  if (!S_ISREG(st.st_mode) || st.st_dev != before.st_dev ||
      st.st_ino != before.st_ino) {
    r.error = "the path changed while it was being opened";
    return r;
  }
  r.size = static_cast<uint64_t>(std::max<off_t>(st.st_size, 0));
  // Never more than the file says it holds (a pseudo-file of size 0 that
  // would yield bytes yields none) and never more than asked.
  const size_t want =
      static_cast<size_t>(std::min<uint64_t>(r.size, max_bytes));
  r.head.resize(want);
  size_t got = 0;
  while (got < want) {
    const ssize_t n = ::pread(fd.get(), r.head.data() + got, want - got,
                              static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      r.error = std::strerror(errno);
      r.head.clear();
      return r;
    }
    if (n == 0) break;  // the file shrank meanwhile
    got += static_cast<size_t>(n);
  }
  r.head.resize(got);
  return r;
}

}  // namespace smslint::internal
