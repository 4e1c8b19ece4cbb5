#include "media/media_rules.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "media/media_tables.h"
#include "media/sniff.h"
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
  EXPECT_EQ(SniffFile(TestData("pixel.png")).mime_type, "image/png");
  EXPECT_EQ(SniffFile(TestData("pixel.gif")).mime_type, "image/gif");
  EXPECT_EQ(SniffFile(TestData("pixel.png")).file_size, 67u);
  EXPECT_FALSE(SniffFile(TestData("missing.png")).error.empty());
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
  Message m;
  m.media = {Media{"image/jpeg", std::nullopt, TestData("pixel.png"), std::nullopt}};
  const auto f = Check(m);
  ASSERT_THAT(Ids(f), ElementsAre("media/type-mismatch"));
  EXPECT_EQ(f[0].args[1].second, "image/png");
  m.media = {Media{"image/png", std::nullopt, TestData("pixel.png"), std::nullopt}};
  EXPECT_THAT(Check(m), IsEmpty());  // size comes from the file
  m.media = {Media{"image/png", std::nullopt, TestData("missing.png"), std::nullopt}};
  EXPECT_THAT(Ids(Check(m)), ElementsAre("media/unreadable", "media/size-unknown"));
}

TEST(MediaRulesTest, BytesAreSniffed) {
  Message m;
  m.media = {Media{"image/png", std::nullopt, std::nullopt,
                   std::string("GIF89a\x01\x00\x01\x00\x80\x00\x00", 13)}};
  EXPECT_THAT(Ids(Check(m)), ElementsAre("media/type-mismatch"));
}

}  // namespace
}  // namespace smslint::internal
