#include "output_file.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>

#include "output.h"

namespace smslint::cli {
namespace {

// The temporary files that exist, for the signal handler: fixed storage,
// because a handler may only use async-signal-safe calls (unlink, raise).
constexpr int kSlots = 4;
char g_temp_paths[kSlots][PATH_MAX];
volatile sig_atomic_t g_temp_used[kSlots];
bool g_handlers_installed = false;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

void RemoveTempFilesAndDie(int sig) {
  for (int i = 0; i < kSlots; ++i) {
    if (g_temp_used[i]) unlink(g_temp_paths[i]);
  }
  std::signal(sig, SIG_DFL);
  raise(sig);
}

void InstallHandlers() {
  if (g_handlers_installed) return;
  g_handlers_installed = true;
  for (int sig : kSignals) {
    struct sigaction old;
    if (sigaction(sig, nullptr, &old) != 0) continue;
    if (old.sa_handler == SIG_IGN) continue;  // nohup: keep ignoring it
    struct sigaction sa {};
    sa.sa_handler = RemoveTempFilesAndDie;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, nullptr);
  }
}

int Register(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    if (g_temp_used[i]) continue;
    std::memcpy(g_temp_paths[i], path.c_str(), path.size() + 1);
    g_temp_used[i] = 1;  // after the path is complete
    InstallHandlers();
    return i;
  }
  return -1;
}

void Unregister(int slot) {
  if (slot >= 0) g_temp_used[slot] = 0;
}

std::string DirName(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string RealPath(const std::string& path) {
  char* r = realpath(path.c_str(), nullptr);
  if (r == nullptr) return "";
  std::string s(r);
  std::free(r);
  return s;
}

// Where a path that does not exist would be created: its folder resolved,
// and a dangling link followed (fopen would create its target).
std::string WouldCreate(std::string path) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat lst;
    if (lstat(path.c_str(), &lst) != 0 || !S_ISLNK(lst.st_mode)) break;
    char buf[PATH_MAX];
    const ssize_t n = readlink(path.c_str(), buf, sizeof buf - 1);
    if (n <= 0) break;
    std::string target(buf, static_cast<size_t>(n));
    path = target[0] == '/' ? target : DirName(path) + "/" + target;
  }
  const std::string dir = RealPath(DirName(path));
  if (dir.empty()) return path;
  return (dir == "/" ? "" : dir) + "/" + BaseName(path);
}

std::string Reason(int err) { return std::strerror(err); }

}  // namespace

FileIdentity IdentifyPath(const std::string& path) {
  FileIdentity id;
  struct stat st;
  if (stat(path.c_str(), &st) == 0) {
    id.exists = true;
    id.regular = S_ISREG(st.st_mode);
    id.dev = st.st_dev;
    id.ino = st.st_ino;
    id.path = RealPath(path);
    if (id.path.empty()) id.path = path;
  } else {
    id.path = WouldCreate(path);
  }
  return id;
}

FileIdentity IdentifyDescriptor(int fd) {
  FileIdentity id;
  struct stat st;
  if (fstat(fd, &st) == 0) {
    id.exists = true;
    id.regular = S_ISREG(st.st_mode);
    id.dev = st.st_dev;
    id.ino = st.st_ino;
  }
  return id;
}

bool SameFile(const FileIdentity& a, const FileIdentity& b) {
  if (a.exists != b.exists) return false;  // a new file is not an old one
  if (a.exists) return a.regular && b.regular && a.dev == b.dev && a.ino == b.ino;
  return !a.path.empty() && a.path == b.path;
}

std::string FindClash(const std::vector<NamedFile>& inputs,
                      const std::vector<NamedFile>& outputs) {
  for (size_t i = 0; i < outputs.size(); ++i) {
    for (const NamedFile& in : inputs) {
      if (SameFile(in.id, outputs[i].id)) {
        return outputs[i].label + " is the same file as " + in.label +
               ", which it would destroy; write to another file";
      }
    }
    for (size_t j = 0; j < i; ++j) {
      if (SameFile(outputs[j].id, outputs[i].id)) {
        return outputs[i].label + " is the same file as " + outputs[j].label +
               "; give each output its own file";
      }
    }
  }
  return "";
}

std::unique_ptr<OutputFile> OutputFile::Open(const std::string& path,
                                             std::string* error) {
  std::unique_ptr<OutputFile> f(new OutputFile());
  f->name_ = path;
  if (path == "-" || path.empty()) {
    f->stream_ = stdout;
    return f;
  }
  struct stat st;
  const bool exists = stat(path.c_str(), &st) == 0;
  if (exists) {
    struct stat out_st;
    if (fstat(STDOUT_FILENO, &out_st) == 0 && out_st.st_dev == st.st_dev &&
        out_st.st_ino == st.st_ino) {
      f->stream_ = stdout;  // /dev/stdout: keep appending where we are
      return f;
    }
  }
  if (exists && !S_ISREG(st.st_mode)) {
    f->stream_ = std::fopen(path.c_str(), "wb");
    if (f->stream_ == nullptr) {
      *error = "cannot write " + path + ": " + Reason(errno);
      return nullptr;
    }
    return f;
  }
  // A regular file, or a new one: through a temporary file beside it.
  mode_t mode;
  if (exists) {
    f->target_ = RealPath(path);
    if (f->target_.empty()) f->target_ = path;
    if (access(f->target_.c_str(), W_OK) != 0) {  // as opening it would
      *error = "cannot write " + path + ": " + Reason(errno);
      return nullptr;
    }
    mode = st.st_mode & 07777;
  } else {
    f->target_ = WouldCreate(path);
    const mode_t mask = umask(0);
    umask(mask);
    mode = 0666 & ~mask;
  }
  std::string templ = DirName(f->target_) + "/." + BaseName(f->target_) +
                      ".smslint-XXXXXX";
  const int fd = mkstemp(templ.data());
  if (fd < 0) {
    *error = "cannot write " + path + ": cannot create a temporary file in " +
             DirName(f->target_) + ": " + Reason(errno);
    return nullptr;
  }
  f->temp_ = templ;
  f->slot_ = Register(templ);
  if (fchmod(fd, mode) != 0 || (f->stream_ = fdopen(fd, "wb")) == nullptr) {
    *error = "cannot write " + path + ": " + Reason(errno);
    close(fd);
    return nullptr;  // the destructor removes the temporary file
  }
  return f;
}

OutputFile::~OutputFile() {
  if (stream_ != nullptr && stream_ != stdout) std::fclose(stream_);
  if (!temp_.empty() && !committed_) unlink(temp_.c_str());
  Unregister(slot_);
}

bool OutputFile::Commit(std::string* error) {
  if (stream_ == stdout) {
    const int err = FlushErrno(stdout);
    if (err != 0) *error = "error writing output: " + Reason(err);
    return err == 0;
  }
  int err = FlushErrno(stream_);
  if (err == 0 && !temp_.empty() && fsync(fileno(stream_)) != 0 &&
      errno != EINVAL && errno != EROFS) {
    err = errno;
  }
  std::FILE* s = stream_;
  stream_ = nullptr;
  if (std::fclose(s) != 0 && err == 0) err = errno;
  if (err != 0) {
    *error = "error writing " + name_ + ": " + Reason(err);
    return false;
  }
  if (temp_.empty()) return true;
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    *error = "cannot write " + name_ + ": " + Reason(errno);
    return false;
  }
  committed_ = true;
  Unregister(slot_);
  slot_ = -1;
  return true;
}

}  // namespace smslint::cli
