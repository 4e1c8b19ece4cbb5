#include "media/media_rules.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "media/media_file.h"
#include "media/media_tables.h"
#include "media/sniff.h"
#include "smslint/linter.h"
#include "smslint/rules.h"

namespace smslint::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Found {
  std::string rule_id;
  std::string field;
  std::vector<std::pair<std::string, std::string>> args;
};

// Runs CheckMedia and records what it emits.
std::vector<Found> Check(const Message& m, MediaContext ctx = {"US", "US"}) {
  std::vector<Found> found;
  Diagnostic scratch;
  const Emit emit([&](Finding&& f) {
    found.push_back({std::string(AllRules()[f.rule.index].id), std::string(f.field),
                     std::move(f.args)});
    return &scratch;
  });
  CheckMedia(m, ctx, emit);
  return found;
}

std::vector<std::string> Ids(const std::vector<Found>& f) {
  std::vector<std::string> ids;
  for (const Found& x : f) ids.push_back(x.rule_id);
  return ids;
}

Media Item(std::string type, std::optional<uint64_t> size) {
  return Media{std::move(type), size, std::nullopt, std::nullopt};
}

std::string TestData(const char* name) {
  return std::string(SMSLINT_TESTDATA_DIR) + "/" + name;
}

// The test data folder as a media root.
std::string TestRoot() {
  std::string error;
  const std::string root = CanonicalMediaRoot(SMSLINT_TESTDATA_DIR, &error);
  EXPECT_FALSE(root.empty()) << error;
  return root;
}

MediaContext WithRoot(const std::string& root) { return {"US", "US", root, true}; }

TEST(MediaTablesTest, NormalizeAndLookUp) {
  EXPECT_EQ(NormalizeContentType(" Image/JPEG ; charset=x"), "image/jpeg");
  EXPECT_EQ(FindMediaSupport("image/jpeg"), MediaSupport::kSupported);
  EXPECT_EQ(FindMediaSupport("image/jpg"), MediaSupport::kSupported);
  EXPECT_EQ(FindMediaSupport("video/mp4"), MediaSupport::kAccepted);
  EXPECT_EQ(FindMediaSupport("video/h264"), MediaSupport::kAccepted);
  EXPECT_EQ(FindMediaSupport("image/webp"), MediaSupport::kWhatsAppOnly);
  EXPECT_EQ(FindMediaSupport("application/zip"), std::nullopt);
  EXPECT_TRUE(IsMmsRegion("US"));
  EXPECT_TRUE(IsMmsRegion("AU"));
  EXPECT_FALSE(IsMmsRegion("GB"));
}

TEST(MediaRulesTest, NothingWithoutMedia) {
  EXPECT_THAT(Check(Message{}, {"GB", "GB"}), IsEmpty());
}

TEST(MediaRulesTest, SupportedImageWithSizePasses) {
  Message m;
  m.media = {Item("image/png", 200'000)};
  EXPECT_THAT(Check(m), IsEmpty());
}

TEST(MediaRulesTest, TypeClasses) {
  Message m;
  m.media = {Item("video/mp4", 900'000), Item("application/zip", 10),
             Item("image/webp", 10), Item("", 10)};
  const auto f = Check(m);
  EXPECT_THAT(Ids(f), ElementsAre("media/not-transcoded", "media/unsupported-type",
                                  "media/unsupported-type",
                                  "media/missing-content-type"));
  EXPECT_EQ(f[0].field, "media[0]");
  EXPECT_EQ(f[3].field, "media[3]");
}

TEST(MediaRulesTest, CountAndTotalSize) {
  Message m;
  for (int i = 0; i < 11; ++i) m.media.push_back(Item("image/gif", 100'000));
  EXPECT_THAT(Ids(Check(m)), ElementsAre("media/too-many"));
  m.media = {Item("image/jpeg", 3'000'000), Item("image/jpeg", 2'000'001)};
  EXPECT_THAT(Ids(Check(m)), ElementsAre("media/too-large"));
  m.media = {Item("image/jpeg", 3'000'000), Item("image/jpeg", 2'000'000)};
  EXPECT_THAT(Check(m), IsEmpty());  // exactly 5,000,000 is allowed
}

TEST(MediaRulesTest, UnknownSizeIsANote) {
  Message m;
  m.media = {Item("image/png", std::nullopt)};
  EXPECT_THAT(Ids(Check(m)), ElementsAre("media/size-unknown"));
}

TEST(MediaRulesTest, MmsOnlyInUsCaAu) {
  Message m;
  m.media = {Item("image/png", 10)};
  EXPECT_THAT(Check(m, {"CA", "AU"}), IsEmpty());
  const auto f = Check(m, {"GB", "US"});
  ASSERT_THAT(Ids(f), ElementsAre("mms/unsupported-country"));
  EXPECT_EQ(f[0].field, "to");
  EXPECT_THAT(Ids(Check(m, {"US", "DE"})), ElementsAre("mms/unsupported-country"));
  EXPECT_THAT(Ids(Check(m, {"", ""})), IsEmpty());  // unknown: not guessed
}

TEST(SniffTest, RecognisesRealFiles) {
  const std::string root = TestRoot();
  EXPECT_EQ(SniffFile(root, "pixel.png").mime_type, "image/png");
  EXPECT_EQ(SniffFile(root, "pixel.gif").mime_type, "image/gif");
  EXPECT_EQ(SniffFile(root, TestData("pixel.gif")).mime_type, "image/gif");
  EXPECT_EQ(SniffFile(root, "pixel.png").file_size, 67u);
  EXPECT_FALSE(SniffFile(root, "missing.png").error.empty());
  EXPECT_EQ(SniffBytes(std::string("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")).mime_type,
            "application/pdf");
}

TEST(SniffTest, ConflictsIgnoreAliasesAndGenericAnswers) {
  EXPECT_TRUE(TypesConflict("image/jpeg", "image/png"));
  EXPECT_FALSE(TypesConflict("image/jpg", "image/jpeg"));
  EXPECT_FALSE(TypesConflict("text/csv", "text/plain"));
  EXPECT_FALSE(TypesConflict("application/msword", "application/octet-stream"));
  EXPECT_TRUE(TypesConflict("application/pdf", "image/png"));
}

TEST(MediaRulesTest, PathIsSniffedAndSized) {
  const std::string root = TestRoot();
  Message m;
  m.media = {Media{"image/jpeg", std::nullopt, "pixel.png", std::nullopt}};
  const auto f = Check(m, WithRoot(root));
  ASSERT_THAT(Ids(f), ElementsAre("media/type-mismatch"));
  EXPECT_EQ(f[0].args[1].second, "image/png");
  m.media = {Media{"image/png", std::nullopt, "pixel.png", std::nullopt}};
  EXPECT_THAT(Check(m, WithRoot(root)), IsEmpty());  // size comes from the file
  m.media = {Media{"image/png", std::nullopt, "missing.png", std::nullopt}};
  EXPECT_THAT(Ids(Check(m, WithRoot(root))),
              ElementsAre("media/unreadable", "media/size-unknown"));
}

TEST(MediaRulesTest, NoRootOpensNothing) {
  Message m;
  // Would type-mismatch if read; /dev/stdin would eat the caller's input.
  m.media = {Media{"image/jpeg", std::nullopt, TestData("pixel.png"), std::nullopt},
             Media{"image/png", 10, "/dev/stdin", std::nullopt}};
  const auto f = Check(m);
  EXPECT_THAT(Ids(f), ElementsAre("media/path-not-allowed", "media/size-unknown",
                                  "media/path-not-allowed"));
  EXPECT_EQ(f[0].args[0].second, TestData("pixel.png"));
}

TEST(MediaRulesTest, DisabledRulesOpenNothing) {
  Message m;
  m.media = {Media{"image/jpeg", 10, "missing.png", std::nullopt}};
  const std::string root = TestRoot();  // ctx holds a view of it
  MediaContext ctx = WithRoot(root);
  EXPECT_THAT(Ids(Check(m, ctx)), ElementsAre("media/unreadable"));
  ctx.read_files = false;
  EXPECT_THAT(Check(m, ctx), IsEmpty());
  EXPECT_FALSE(MediaRulesReadFiles([](RuleId id) {
    return !AllRules()[id.index].id.starts_with("media/");
  }));
  EXPECT_TRUE(MediaRulesReadFiles([](RuleId id) { return id == rule::kMediaTypeMismatch; }));
}

TEST(MediaRulesTest, SizesSaturateInsteadOfWrapping) {
  bool saturated = false;
  EXPECT_EQ(AddSaturating(1, 2, &saturated), 3u);
  EXPECT_FALSE(saturated);
  EXPECT_EQ(AddSaturating(UINT64_MAX, 1, &saturated), UINT64_MAX);
  EXPECT_TRUE(saturated);
  Message m;
  m.media = {Item("image/jpeg", uint64_t{1} << 63), Item("image/jpeg", uint64_t{1} << 63)};
  auto f = Check(m);
  ASSERT_THAT(Ids(f), ElementsAre("media/too-large"));
  EXPECT_EQ(f[0].args[0].second, "more than 18446744073709.55 MB");
  m.media = {Item("image/jpeg", UINT64_MAX), Item("image/jpeg", 1)};
  EXPECT_THAT(Ids(Check(m)), ElementsAre("media/too-large"));
  m.media = {Item("image/jpeg", UINT64_MAX - 4'999'999), Item("image/jpeg", 5'000'000)};
  EXPECT_THAT(Ids(Check(m)), ElementsAre("media/too-large"));
}

// A scratch media root with hostile neighbours, removed afterwards.
class MediaRootTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/smslint-media-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    base_ = tmpl;
    namespace fs = std::filesystem;
    fs::create_directories(base_ / "root/sub");
    fs::copy_file(TestData("pixel.png"), base_ / "root/sub/pixel.png");
    fs::copy_file(TestData("pixel.png"), base_ / "outside.png");
    ASSERT_EQ(mkfifo((base_ / "root/fifo").c_str(), 0600), 0);
    fs::create_symlink("/etc/passwd", base_ / "root/passwd-link");
    fs::create_symlink("../outside.png", base_ / "root/escape.png");
    fs::create_symlink("sub/pixel.png", base_ / "root/inside-link.png");
    std::string error;
    root_ = CanonicalMediaRoot((base_ / "root").string(), &error);
    ASSERT_FALSE(root_.empty()) << error;
  }
  void TearDown() override { std::filesystem::remove_all(base_); }

  std::string Refusal(const std::string& path) {
    const MediaFileHead h = ReadMediaFileHead(root_, path, kSniffBytes);
    EXPECT_TRUE(h.head.empty()) << path;
    return h.error;
  }

  std::filesystem::path base_;
  std::string root_;
};

TEST_F(MediaRootTest, ReadsRegularFilesUnderTheRoot) {
  EXPECT_EQ(SniffFile(root_, "sub/pixel.png").mime_type, "image/png");
  EXPECT_EQ(SniffFile(root_, root_ + "/sub/pixel.png").mime_type, "image/png");
  EXPECT_EQ(SniffFile(root_, "inside-link.png").mime_type, "image/png");
  EXPECT_EQ(SniffFile(root_, "sub/../sub/pixel.png").file_size, 67u);
  const MediaFileHead h = ReadMediaFileHead(root_, "sub/pixel.png", 8);
  EXPECT_EQ(h.head, "\x89PNG\r\n\x1a\n");  // only what was asked
  EXPECT_EQ(h.size, 67u);
}

TEST_F(MediaRootTest, RefusesWhatIsNotARegularFileUnderTheRoot) {
  EXPECT_EQ(Refusal("fifo"), "not a regular file (a FIFO)");
  EXPECT_EQ(Refusal("sub"), "not a regular file (a directory)");
  EXPECT_EQ(Refusal("."), "not a regular file (a directory)");
  EXPECT_EQ(Refusal(""), "the path is empty");
  EXPECT_EQ(Refusal(std::string("sub/pixel.png\0x", 15)), "the path contains a NUL byte");
  const std::string outside = "outside the media root";
  EXPECT_EQ(Refusal("passwd-link"), outside);
  EXPECT_EQ(Refusal("escape.png"), outside);
  EXPECT_EQ(Refusal("../outside.png"), outside);
  EXPECT_EQ(Refusal("../../../../../../../../etc/passwd"), outside);
  EXPECT_EQ(Refusal("/etc/passwd"), outside);
  EXPECT_EQ(Refusal((base_ / "outside.png").string()), outside);
  EXPECT_EQ(Refusal("/dev/stdin"), "under /dev, which holds no media files");
  EXPECT_EQ(Refusal("/dev/fd/0"), "under /dev, which holds no media files");
  EXPECT_EQ(Refusal("/proc/self/environ"), "under /proc, which holds no media files");
  EXPECT_FALSE(Refusal("no-such.png").empty());
}

TEST(MediaFileTest, PseudoFilesAreRefusedEvenUnderTheRoot) {
  std::string error;
  const std::string root = CanonicalMediaRoot("/", &error);
  ASSERT_EQ(root, "/");
  for (const char* path : {"/proc/self/environ", "/proc/self/status", "/dev/null",
                           "/dev/zero", "/sys/kernel/mm"}) {
    const MediaFileHead h = ReadMediaFileHead(root, path, kSniffBytes);
    EXPECT_FALSE(h.error.empty()) << path;
    EXPECT_TRUE(h.head.empty()) << path;
  }
  EXPECT_EQ(ReadMediaFileHead(root, "/proc/self/status", 100).error,
            "under /proc, which holds no media files");
  // A readable regular file elsewhere is fine when the root allows it.
  EXPECT_TRUE(ReadMediaFileHead(root, TestData("pixel.png"), 4).error.empty());
}

TEST(MediaFileTest, RootMustBeADirectory) {
  std::string error;
  EXPECT_EQ(CanonicalMediaRoot("/no/such/dir", &error), "");
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(CanonicalMediaRoot(TestData("pixel.png"), &error), "");
  EXPECT_EQ(error, "not a directory");
  Options o;
  o.media_root = "/no/such/dir";
  const Linter bad(o);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error_arg(), "/no/such/dir");
}

TEST(MediaFileTest, LinterReadsOnlyUnderItsRootAndOnlyWhenARuleNeedsIt) {
  Message m;
  m.to = "+14155550132";
  m.from = "+14155550100";
  m.body = "Photo";
  m.media = {Media{"image/jpeg", std::nullopt, "pixel.png", std::nullopt}};
  auto ids = [](const Report& r) {
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diagnostics) {
      if (d.rule_id.starts_with("media/")) out.push_back(d.rule_id);
    }
    return out;
  };
  EXPECT_THAT(ids(Linter().Lint(m)),
              ElementsAre("media/path-not-allowed", "media/size-unknown"));
  Options o;
  o.media_root = SMSLINT_TESTDATA_DIR;
  EXPECT_THAT(ids(Linter(o).Lint(m)), ElementsAre("media/type-mismatch"));
  // A FIFO under the root is refused without blocking, and opened not at
  // all when the rules that read files are off.
  char tmpl[] = "/tmp/smslint-fifo-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string fifo = std::string(tmpl) + "/fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  o.media_root = tmpl;
  m.media = {Media{"image/png", 10, "fifo", std::nullopt}};
  EXPECT_THAT(ids(Linter(o).Lint(m)), ElementsAre("media/unreadable"));
  o.disabled_rules = {"media/type-mismatch", "media/unreadable", "media/too-large",
                      "media/size-unknown", "media/not-transcoded"};
  EXPECT_THAT(ids(Linter(o).Lint(m)), IsEmpty());
  std::filesystem::remove_all(tmpl);
}

TEST(MediaRulesTest, BytesAreSniffed) {
  Message m;
  m.media = {Media{"image/png", std::nullopt, std::nullopt,
                   std::string("GIF89a\x01\x00\x01\x00\x80\x00\x00", 13)}};
  EXPECT_THAT(Ids(Check(m)), ElementsAre("media/type-mismatch"));
}

}  // namespace
}  // namespace smslint::internal
