// The files smslint batch writes (--output, --summary): checked against the
// input and each other before anything is opened for writing, and written
// through a temporary file in the target's folder that replaces the target
// only when the run succeeds, so a failed or interrupted run never leaves a
// half-written result in place of a good one (docs/batch.md, "Output files").
#ifndef SMSLINT_CLI_OUTPUT_FILE_H_
#define SMSLINT_CLI_OUTPUT_FILE_H_

#include <sys/types.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace smslint::cli {

// What a path or an open descriptor names, to tell whether two are the same
// file: device and inode (after resolving links) when it exists, else the
// absolute path it would be created at.
struct FileIdentity {
  bool exists = false;
  bool regular = false;  // a regular file (only those are ever refused)
  dev_t dev = 0;
  ino_t ino = 0;
  std::string path;  // the resolved path ("" for a descriptor)
};
FileIdentity IdentifyPath(const std::string& path);
FileIdentity IdentifyDescriptor(int fd);

// Whether writing `b` could destroy what `a` holds or is: the same regular
// file, or the same path of a file that does not exist yet. Devices, FIFOs
// and terminals (/dev/null, /dev/stdout on a pipe) may be shared.
bool SameFile(const FileIdentity& a, const FileIdentity& b);

struct NamedFile {
  std::string label;  // as messages show it: "--output out.csv"
  FileIdentity id;
};
// "" or the message (after "smslint: ") naming the first output that is the
// same file as an input or as an earlier output.
std::string FindClash(const std::vector<NamedFile>& inputs,
                      const std::vector<NamedFile>& outputs);

// One output file. Open decides how it is written:
// - "-", or a path naming this process's standard output (/dev/stdout):
//   standard output itself;
// - a path that exists and is not a regular file (/dev/null, a FIFO):
//   opened and written directly;
// - otherwise a temporary file ".NAME.smslint-XXXXXX" beside the target
//   (links resolved), with the permissions the target has, or, for a new
//   file, those of a normal create (0666 less the umask). Commit renames it
//   over the target; destroying the object uncommitted removes it, and so
//   does SIGINT, SIGTERM or SIGHUP while it exists.
class OutputFile {
 public:
  // nullptr with *error ("cannot write PATH: reason") on failure.
  static std::unique_ptr<OutputFile> Open(const std::string& path,
                                          std::string* error);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  std::FILE* stream() const { return stream_; }
  bool is_stdout() const { return stream_ == stdout; }

  // Flushes and closes the stream and renames the temporary file over the
  // target (standard output is only flushed). False with *error, either
  // "error writing output: reason" or "cannot write PATH: reason".
  bool Commit(std::string* error);

 private:
  OutputFile() = default;

  std::string name_;    // the path as given, for messages
  std::string target_;  // the file to replace ("" when written directly)
  std::string temp_;    // the temporary file ("" when none)
  int slot_ = -1;       // its place in the signal handler's list
  std::FILE* stream_ = nullptr;
  bool committed_ = false;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_OUTPUT_FILE_H_
