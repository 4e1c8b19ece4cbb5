#include "output.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "base/utf8.h"
#include "escape.h"

namespace smslint::cli {
namespace {

int g_first_write_errno = 0;  // written by the one thread that writes
bool g_write_error_reported = false;

}  // namespace

bool WriteAll(std::FILE* f, std::string_view s) {
  if (s.empty()) return std::ferror(f) == 0;
  if (std::fwrite(s.data(), 1, s.size(), f) == s.size()) return true;
  if (g_first_write_errno == 0) g_first_write_errno = errno != 0 ? errno : EIO;
  return false;
}

int FlushErrno(std::FILE* f) {
  errno = 0;
  if (std::fflush(f) != 0 && g_first_write_errno == 0) {
    g_first_write_errno = errno != 0 ? errno : EIO;
  }
  if (std::ferror(f) == 0) return 0;
  return g_first_write_errno != 0 ? g_first_write_errno : EIO;
}

void ReportWriteError(int err) {
  if (g_write_error_reported) return;
  g_write_error_reported = true;
  std::fprintf(stderr, "smslint: error writing output: %s\n", std::strerror(err));
}

int FinishStdout(int code) {
  int err = FlushErrno(stdout);  // first: std::cout writes through stdout
  std::cout.flush();
  if (err == 0 && !std::cout.good()) err = g_first_write_errno != 0 ? g_first_write_errno : EIO;
  errno = 0;
  if (std::fclose(stdout) != 0 && err == 0) err = errno != 0 ? errno : EIO;
  if (err == 0) return code;
  ReportWriteError(err);
  return 2;
}

std::FILE* OpenInput(const std::string& path) {
  if (path == "-") return stdin;
  std::FILE* in = std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    std::fprintf(stderr, "smslint: cannot open %s: %s\n",
                 EscapeControls(path).c_str(), std::strerror(errno));
  }
  return in;
}

std::string FormatWeight(double w) {
  // Six decimals: the score is rounded to 1e-6 and its band decided on
  // that, so a shorter form could print 3.0 next to "low" for 2.996.
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6f", w + 0.0);
  std::string s(buf);
  // 5.00 -> 5.0, 0.30 -> 0.3: as written in the rule table.
  while (s.size() > 3 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
  return s;
}

bool ShouldColor(std::string_view flag, std::FILE* out) {
  if (out != stdout) return false;
  if (flag == "always") return true;
  if (flag == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return isatty(STDOUT_FILENO) == 1;
}

}  // namespace smslint::cli
