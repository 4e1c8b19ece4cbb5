#include "output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

namespace fs = std::filesystem;

class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char templ[] = "/tmp/smslint-output-file-XXXXXX";
    ASSERT_NE(mkdtemp(templ), nullptr);
    dir_ = templ;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  static void Write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  // Files in the folder (a temporary file left behind counts).
  size_t FileCount() const {
    return static_cast<size_t>(std::distance(fs::directory_iterator(dir_), {}));
  }

  std::string dir_;
};

TEST_F(OutputFileTest, SameFileThroughLinksAndSpellings) {
  Write(Path("in.csv"), "a\n");
  fs::create_symlink("in.csv", Path("link.csv"));
  fs::create_hard_link(Path("in.csv"), Path("hard.csv"));
  const FileIdentity in = IdentifyPath(Path("in.csv"));
  EXPECT_TRUE(in.exists && in.regular);
  EXPECT_TRUE(SameFile(in, IdentifyPath(Path("link.csv"))));
  EXPECT_TRUE(SameFile(in, IdentifyPath(Path("hard.csv"))));
  fs::create_directory(Path("sub"));
  EXPECT_TRUE(SameFile(in, IdentifyPath(Path("sub/../in.csv"))));
  EXPECT_FALSE(SameFile(in, IdentifyPath(Path("new.csv"))));
  // Two spellings of one new file are the same output.
  EXPECT_TRUE(SameFile(IdentifyPath(Path("new.csv")),
                       IdentifyPath(Path("sub/../new.csv"))));
  EXPECT_FALSE(SameFile(IdentifyPath(Path("new.csv")), IdentifyPath(Path("new2.csv"))));
  // Devices may be shared: --output /dev/null --summary /dev/null.
  EXPECT_FALSE(SameFile(IdentifyPath("/dev/null"), IdentifyPath("/dev/null")));
}

TEST_F(OutputFileTest, FindClashNamesBoth) {
  Write(Path("in.csv"), "a\n");
  const std::vector<NamedFile> inputs = {{"the input in.csv", IdentifyPath(Path("in.csv"))}};
  EXPECT_EQ(FindClash(inputs, {{"--output out.csv", IdentifyPath(Path("out.csv"))},
                               {"--summary s.json", IdentifyPath(Path("s.json"))}}),
            "");
  EXPECT_EQ(FindClash(inputs, {{"--output in.csv", IdentifyPath(Path("in.csv"))}}),
            "--output in.csv is the same file as the input in.csv, which it would "
            "destroy; write to another file");
  EXPECT_EQ(FindClash(inputs, {{"--output o.csv", IdentifyPath(Path("o.csv"))},
                               {"--summary o.csv", IdentifyPath(Path("o.csv"))}}),
            "--summary o.csv is the same file as --output o.csv; give each output "
            "its own file");
}

TEST_F(OutputFileTest, ReplacesTheTargetOnlyOnCommit) {
  Write(Path("out.csv"), "old\n");
  chmod(Path("out.csv").c_str(), 0640);
  std::string error;
  {
    auto f = OutputFile::Open(Path("out.csv"), &error);
    ASSERT_NE(f, nullptr) << error;
    std::fputs("new\n", f->stream());
    std::fflush(f->stream());
    EXPECT_EQ(Read(Path("out.csv")), "old\n");  // a temporary file until then
    EXPECT_EQ(FileCount(), 2u);
    ASSERT_TRUE(f->Commit(&error)) << error;
  }
  EXPECT_EQ(Read(Path("out.csv")), "new\n");
  EXPECT_EQ(FileCount(), 1u);
  struct stat st;
  ASSERT_EQ(stat(Path("out.csv").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);  // the target's permissions kept
}

TEST_F(OutputFileTest, UncommittedLeavesTheTargetAndNoTemporaryFile) {
  Write(Path("out.csv"), "old\n");
  std::string error;
  {
    auto f = OutputFile::Open(Path("out.csv"), &error);
    ASSERT_NE(f, nullptr) << error;
    std::fputs("half", f->stream());
  }
  EXPECT_EQ(Read(Path("out.csv")), "old\n");
  EXPECT_EQ(FileCount(), 1u);
}

TEST_F(OutputFileTest, NewFileHonoursTheUmask) {
  const mode_t old = umask(027);
  std::string error;
  auto f = OutputFile::Open(Path("new.csv"), &error);
  umask(old);
  ASSERT_NE(f, nullptr) << error;
  ASSERT_TRUE(f->Commit(&error)) << error;
  struct stat st;
  ASSERT_EQ(stat(Path("new.csv").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST_F(OutputFileTest, WritesThroughALinkToItsTarget) {
  Write(Path("real.csv"), "old\n");
  fs::create_symlink("real.csv", Path("link.csv"));
  std::string error;
  auto f = OutputFile::Open(Path("link.csv"), &error);
  ASSERT_NE(f, nullptr) << error;
  std::fputs("new\n", f->stream());
  ASSERT_TRUE(f->Commit(&error)) << error;
  EXPECT_TRUE(fs::is_symlink(Path("link.csv")));
  EXPECT_EQ(Read(Path("real.csv")), "new\n");
}

TEST_F(OutputFileTest, ErrorsAreReported) {
  std::string error;
  EXPECT_EQ(OutputFile::Open(Path("no/such/dir/out.csv"), &error), nullptr);
  EXPECT_NE(error.find("cannot write " + Path("no/such/dir/out.csv")), std::string::npos)
      << error;
  if (access("/dev/full", W_OK) == 0) {
    error.clear();
    auto f = OutputFile::Open("/dev/full", &error);
    ASSERT_NE(f, nullptr) << error;
    std::fputs("x", f->stream());
    EXPECT_FALSE(f->Commit(&error));
    EXPECT_EQ(error, "error writing /dev/full: No space left on device");
  }
}

}  // namespace
}  // namespace smslint::cli
