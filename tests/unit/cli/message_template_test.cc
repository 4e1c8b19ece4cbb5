#include "message_template.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Strings = std::vector<std::string>;

MessageTemplate MustParse(std::string_view text) {
  TemplateError error;
  std::optional<MessageTemplate> t = MessageTemplate::Parse(text, &error);
  EXPECT_TRUE(t.has_value()) << text << ": " << error.message;
  return t.value_or(*MessageTemplate::Parse("", nullptr));
}

TemplateError MustFail(std::string_view text) {
  TemplateError error;
  EXPECT_FALSE(MessageTemplate::Parse(text, &error).has_value()) << text;
  return error;
}

// Parses, binds to `header` and renders one row.
std::string RenderRow(std::string_view text, const Strings& header,
                      const Strings& row) {
  const MessageTemplate t = MustParse(text);
  std::vector<int> columns;
  EXPECT_TRUE(t.BindColumns(header, &columns)) << text;
  std::string out;
  t.Render(row, columns, &out);
  return out;
}

TEST(MessageTemplateTest, RendersPlaceholders) {
  EXPECT_EQ(RenderRow("Hi {{first_name}}, your order {{order}} ships today. "
                      "Reply STOP to opt out",
                      {"phone", "first_name", "order"},
                      {"+14155550100", "Ann", "A-17"}),
            "Hi Ann, your order A-17 ships today. Reply STOP to opt out");
}

TEST(MessageTemplateTest, NamesAreTrimmedAndCaseInsensitive) {
  const MessageTemplate t = MustParse("{{ First_Name }}/{{first_name}}/{{\tORDER\t}}");
  EXPECT_THAT(t.Placeholders(), ElementsAre("First_Name", "ORDER"));
  std::vector<int> columns;
  EXPECT_TRUE(t.BindColumns({" order ", "FIRST_NAME"}, &columns));
  EXPECT_THAT(columns, ElementsAre(1, 0));
  std::string out;
  t.Render({"7", "Ann"}, columns, &out);
  EXPECT_EQ(out, "Ann/Ann/7");
  // Inner spaces are part of the name.
  EXPECT_EQ(RenderRow("{{ first name }}!", {"First Name"}, {"Bo"}), "Bo!");
  EXPECT_TRUE(MessageTemplate::SameName(" Phone\t", "phone"));
  EXPECT_FALSE(MessageTemplate::SameName("phone", "phones"));
}

TEST(MessageTemplateTest, RenderStopsAtTheLimit) {
  const MessageTemplate t = MustParse("Hi {{a}}, {{a}}!");
  std::vector<int> columns;
  ASSERT_TRUE(t.BindColumns({"a"}, &columns));
  std::string out = "x";  // appended to; the limit counts what is added
  EXPECT_TRUE(t.Render({"Bo"}, columns, &out, 10));
  EXPECT_EQ(out, "xHi Bo, Bo!");
  out.clear();
  EXPECT_FALSE(t.Render({"Bo"}, columns, &out, 9));
  EXPECT_EQ(out, "Hi Bo, Bo");
  out.clear();
  EXPECT_FALSE(t.Render({std::string(1 << 20, 'z')}, columns, &out, 100));
  EXPECT_EQ(out.size(), 100u);
}

TEST(MessageTemplateTest, AtMostAThousandPlaceholders) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "{{a}}";
  EXPECT_TRUE(MessageTemplate::Parse(text, nullptr).has_value());
  EXPECT_EQ(MustFail(text + "{{b}}").message,
            "more than 1000 placeholders (at byte 5000)");
}

TEST(MessageTemplateTest, InvisibleCharactersDoNotCount) {
  EXPECT_TRUE(MessageTemplate::SameName("\xEF\xBB\xBFphone", "Phone"));
  EXPECT_TRUE(MessageTemplate::SameName("first\xE2\x80\x8B_name", "FIRST_NAME"));
  EXPECT_TRUE(MessageTemplate::SameName("a\xE2\x81\xA0", "a"));
  EXPECT_FALSE(MessageTemplate::SameName("\xE2\x80\x99" "a", "a"));  // ’ is visible
  EXPECT_EQ(DropInvisibles("\xE2\x80\x8C" "a\xE2\x80\x8D" "b"), "ab");
}

TEST(MessageTemplateTest, FirstMatchingColumnWins) {
  EXPECT_EQ(RenderRow("{{a}}", {"A", "a"}, {"first", "second"}), "first");
}

TEST(MessageTemplateTest, MissingColumnsAreReported) {
  const MessageTemplate t = MustParse("{{name}} {{x}} {{y}} {{X}}");
  std::vector<int> columns;
  Strings missing;
  EXPECT_FALSE(t.BindColumns({"name", "phone"}, &columns, &missing));
  EXPECT_THAT(missing, ElementsAre("x", "y"));
  EXPECT_THAT(columns, ElementsAre(0, -1, -1));
  // Unbound and short rows render empty.
  std::string out;
  t.Render({"Ann"}, columns, &out);
  EXPECT_EQ(out, "Ann   ");
  out.clear();
  t.Render({}, {0}, &out);
  EXPECT_EQ(out, "   ");
}

TEST(MessageTemplateTest, LiteralOnlyAndEmpty) {
  EXPECT_EQ(RenderRow("", {}, {}), "");
  EXPECT_EQ(RenderRow("no placeholders", {}, {}), "no placeholders");
  EXPECT_TRUE(MustParse("plain").Placeholders().empty());
}

TEST(MessageTemplateTest, BracesThatAreText) {
  EXPECT_EQ(RenderRow("{a} }} } { {x}} {{v}}}", {"v"}, {"1"}),
            "{a} }} } { {x}} 1}");
  EXPECT_EQ(RenderRow("{{v}}{{v}}", {"v"}, {"ab"}), "abab");
}

TEST(MessageTemplateTest, Escapes) {
  // \{{ is a literal {{; \\{{ is a backslash then a placeholder.
  EXPECT_EQ(RenderRow("use \\{{name}} here", {}, {}), "use {{name}} here");
  EXPECT_EQ(RenderRow("C:\\\\{{dir}}", {"dir"}, {"tmp"}), "C:\\tmp");
  // Any other backslash is text.
  EXPECT_EQ(RenderRow("a\\b \\{ \\n\\", {}, {}), "a\\b \\{ \\n\\");
  EXPECT_TRUE(MustParse("\\{{").Placeholders().empty());
}

TEST(MessageTemplateTest, Errors) {
  TemplateError e = MustFail("Hi {{first_name, bye");
  EXPECT_EQ(e.offset, 3u);
  EXPECT_THAT(e.message, HasSubstr("not closed"));
  EXPECT_THAT(e.message, HasSubstr("byte 3"));

  e = MustFail("Hi {{first_name, your order {{order}}");
  EXPECT_EQ(e.offset, 28u);
  EXPECT_THAT(e.message, HasSubstr("'{' inside the placeholder opened at byte 3"));

  e = MustFail("x{{  }}");
  EXPECT_EQ(e.offset, 1u);
  EXPECT_THAT(e.message, HasSubstr("empty placeholder name"));
  EXPECT_EQ(MustFail("{{}}").offset, 0u);

  e = MustFail("{{a}b}}");
  EXPECT_EQ(e.offset, 3u);
  EXPECT_THAT(e.message, HasSubstr("single '}'"));
  EXPECT_EQ(MustFail("{{a}").offset, 3u);
  EXPECT_EQ(MustFail("{{{a}}}").offset, 2u);
  EXPECT_EQ(MustFail("{{").offset, 0u);
  // Without an error pointer it still fails cleanly.
  EXPECT_FALSE(MessageTemplate::Parse("{{", nullptr).has_value());
}

TEST(MessageTemplateTest, RenderAppendsWithoutReallocatingWhenRoomy) {
  const MessageTemplate t = MustParse("Hi {{n}}, code {{c}}.");
  std::vector<int> columns;
  ASSERT_TRUE(t.BindColumns({"n", "c"}, &columns));
  std::string out = "> ";
  out.reserve(256);
  const char* data = out.data();
  for (int i = 0; i < 3; ++i) {
    out.resize(2);
    t.Render({"Ann", "1234"}, columns, &out);
  }
  EXPECT_EQ(out, "> Hi Ann, code 1234.");
  EXPECT_EQ(out.data(), data);
}

TEST(MessageTemplateTest, Utf8PassesThrough) {
  EXPECT_EQ(RenderRow("¡Hola {{nombre}}! 👋", {"nombre"}, {"José"}),
            "¡Hola José! 👋");
}

}  // namespace
}  // namespace smslint::cli
