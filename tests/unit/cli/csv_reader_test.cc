#include "csv_reader.h"

#include <unistd.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace smslint::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Fields = std::vector<std::string>;

// Everything a record says, comparable and printable.
struct Rec {
  uint64_t index;
  uint64_t line;
  uint64_t offset;
  Fields fields;
  bool blank;
  CsvError kind;
  std::string error;

  bool operator==(const Rec& o) const {
    return index == o.index && line == o.line && offset == o.offset &&
           fields == o.fields && blank == o.blank && kind == o.kind &&
           error == o.error;
  }
};

std::ostream& operator<<(std::ostream& os, const Rec& r) {
  os << "#" << r.index << " line " << r.line << " @" << r.offset << " [";
  for (const std::string& f : r.fields) os << "<" << f << ">";
  os << "]" << (r.blank ? " blank" : "") << " kind " << static_cast<int>(r.kind)
     << " " << r.error;
  return os;
}

struct Result {
  std::vector<Rec> records;
  char delimiter = 0;
  uint64_t consumed = 0;
};

Result ReadWith(const std::string& input, CsvOptions options) {
  std::istringstream in(input);
  CsvReader reader(in, options);
  Result result;
  CsvRecord record;  // reused, as a caller would
  while (reader.Next(&record)) {
    result.records.push_back({record.index, record.line, record.byte_offset,
                              record.fields, record.blank, record.error_kind,
                              record.error});
  }
  EXPECT_EQ(reader.io_error(), "");
  result.delimiter = reader.delimiter();
  result.consumed = reader.offset();
  return result;
}

// Reads `input` with the default chunk size and with tiny ones, so CRLF,
// quotes and the BOM are split at every possible place, and checks that
// the chunk size changes nothing.
Result Read(const std::string& input, CsvOptions options = {}) {
  const Result whole = ReadWith(input, options);
  EXPECT_EQ(whole.consumed, input.size());
  for (const size_t chunk : {1, 2, 3, 5, 7}) {
    options.chunk_bytes = chunk;
    const Result split = ReadWith(input, options);
    EXPECT_EQ(split.records, whole.records) << "chunk_bytes " << chunk;
    EXPECT_EQ(split.delimiter, whole.delimiter) << "chunk_bytes " << chunk;
  }
  return whole;
}

std::vector<Fields> AllFields(const Result& r) {
  std::vector<Fields> out;
  for (const Rec& rec : r.records) out.push_back(rec.fields);
  return out;
}

std::vector<uint64_t> Lines(const Result& r) {
  std::vector<uint64_t> out;
  for (const Rec& rec : r.records) out.push_back(rec.line);
  return out;
}

std::vector<uint64_t> Offsets(const Result& r) {
  std::vector<uint64_t> out;
  for (const Rec& rec : r.records) out.push_back(rec.offset);
  return out;
}

void ExpectClean(const Result& r) {
  for (const Rec& rec : r.records) {
    EXPECT_EQ(rec.kind, CsvError::kNone) << rec;
    EXPECT_EQ(rec.error, "") << rec;
  }
}

TEST(CsvReaderTest, PlainRecords) {
  const Result r = Read("name,phone\nAnn,+14155550100\nBob,+14155550101\n");
  ExpectClean(r);
  EXPECT_THAT(AllFields(r), ElementsAre(Fields{"name", "phone"},
                                        Fields{"Ann", "+14155550100"},
                                        Fields{"Bob", "+14155550101"}));
  EXPECT_THAT(Lines(r), ElementsAre(1, 2, 3));
  EXPECT_THAT(Offsets(r), ElementsAre(0, 11, 28));
  EXPECT_EQ(r.records[2].index, 2u);
}

TEST(CsvReaderTest, QuotedDelimitersQuotesAndLineBreaks) {
  const Result r = Read(
      "a,b,c\n"
      "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
      "\"\",\"\"\"\",\"cr\r\ncrlf\rcr\"\n"
      "last,\"\",end\n");
  ExpectClean(r);
  EXPECT_THAT(AllFields(r),
              ElementsAre(Fields{"a", "b", "c"},
                          Fields{"x,y", "say \"hi\"", "two\nlines"},
                          Fields{"", "\"", "cr\r\ncrlf\rcr"},
                          Fields{"last", "", "end"}));
  // Line breaks inside quotes count as physical lines: CRLF once, lone CR
  // once.
  EXPECT_THAT(Lines(r), ElementsAre(1, 2, 4, 7));
}

TEST(CsvReaderTest, EmptyFields) {
  const Result r = Read(",\n,,\na,\n,b\n");
  ExpectClean(r);
  EXPECT_THAT(AllFields(r), ElementsAre(Fields{"", ""}, Fields{"", "", ""},
                                        Fields{"a", ""}, Fields{"", "b"}));
}

TEST(CsvReaderTest, SkipsBomAndCountsItsBytes) {
  const Result r = Read("\xEF\xBB\xBFname;phone\nAnn;1\n");
  ExpectClean(r);
  EXPECT_EQ(r.delimiter, ';');
  EXPECT_THAT(AllFields(r), ElementsAre(Fields{"name", "phone"},
                                        Fields{"Ann", "1"}));
  EXPECT_THAT(Offsets(r), ElementsAre(3, 14));
  EXPECT_THAT(Lines(r), ElementsAre(1, 2));
}

TEST(CsvReaderTest, BomOnlyOrPartialBom) {
  EXPECT_TRUE(Read("\xEF\xBB\xBF").records.empty());
  // A BOM anywhere else, or cut short, is data.
  const Result r = Read("\xEF\xBB,x\n", {.delimiter = ','});
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].fields[0], "\xEF\xBB");
  EXPECT_EQ(r.records[0].kind, CsvError::kInvalidUtf8);
}

TEST(CsvReaderTest, LineEndsCrlfLfCrAndMixed) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    const Result r = Read("a,b" + eol + "1,2" + eol + "3,4" + eol);
    ExpectClean(r);
    EXPECT_THAT(AllFields(r), ElementsAre(Fields{"a", "b"}, Fields{"1", "2"},
                                          Fields{"3", "4"}))
        << "eol size " << eol.size();
    EXPECT_THAT(Lines(r), ElementsAre(1, 2, 3));
    const uint64_t step = 3 + eol.size();
    EXPECT_THAT(Offsets(r), ElementsAre(0, step, 2 * step));
  }
  const Result mixed = Read("a\r\nb\rc\nd\r\n\"e\"\rf");
  ExpectClean(mixed);
  EXPECT_THAT(AllFields(mixed),
              ElementsAre(Fields{"a"}, Fields{"b"}, Fields{"c"}, Fields{"d"},
                          Fields{"e"}, Fields{"f"}));
  EXPECT_THAT(Lines(mixed), ElementsAre(1, 2, 3, 4, 5, 6));
  EXPECT_THAT(Offsets(mixed), ElementsAre(0, 3, 5, 7, 10, 14));
}

TEST(CsvReaderTest, CrLfSplitLooksLikeOneLineEnd) {
  // "\r" then "\n": one line end, not a blank record, whatever the chunks.
  const Result r = Read("a\r\n\r\nb");
  EXPECT_THAT(AllFields(r), ElementsAre(Fields{"a"}, Fields{""}, Fields{"b"}));
  EXPECT_FALSE(r.records[0].blank);
  EXPECT_TRUE(r.records[1].blank);
  EXPECT_THAT(Lines(r), ElementsAre(1, 2, 3));
  // "\n\r" is two line ends.
  EXPECT_EQ(Read("a\n\rb").records.size(), 3u);
}

TEST(CsvReaderTest, NoTrailingNewlineAndTrailingNewline) {
  EXPECT_THAT(AllFields(Read("a,b\n1,2")),
              ElementsAre(Fields{"a", "b"}, Fields{"1", "2"}));
  EXPECT_THAT(AllFields(Read("a,b\n1,2\n")),
              ElementsAre(Fields{"a", "b"}, Fields{"1", "2"}));
  EXPECT_THAT(AllFields(Read("a,b\r\n1,2\r\n")),
              ElementsAre(Fields{"a", "b"}, Fields{"1", "2"}));
  EXPECT_THAT(AllFields(Read("a,\"b\"")), ElementsAre(Fields{"a", "b"}));
  // A delimiter before EOF leaves an empty last field.
  EXPECT_THAT(AllFields(Read("a,")), ElementsAre(Fields{"a", ""}));
}

TEST(CsvReaderTest, EmptyFileAndHeaderOnly) {
  const Result empty = Read("");
  EXPECT_TRUE(empty.records.empty());
  EXPECT_EQ(empty.delimiter, ',');
  EXPECT_THAT(AllFields(Read("phone")), ElementsAre(Fields{"phone"}));
  EXPECT_THAT(AllFields(Read("phone,name\n")),
              ElementsAre(Fields{"phone", "name"}));
}

TEST(CsvReaderTest, BlankLinesAreFlaggedRecords) {
  const Result r = Read("a,b\n\n1,2\r\n\r\n\r3,4\n\n");
  ExpectClean(r);
  ASSERT_EQ(r.records.size(), 7u);
  std::vector<bool> blank;
  for (const Rec& rec : r.records) blank.push_back(rec.blank);
  EXPECT_THAT(blank, ElementsAre(false, true, false, true, true, false, true));
  EXPECT_EQ(r.records[1].fields, Fields{""});
  EXPECT_THAT(Lines(r), ElementsAre(1, 2, 3, 4, 5, 6, 7));
  EXPECT_THAT(Offsets(r), ElementsAre(0, 4, 5, 10, 12, 13, 17));
  // A quoted empty field is not blank; whitespace is not blank either.
  const Result q = Read("\"\"\n \n");
  EXPECT_FALSE(q.records[0].blank);
  EXPECT_FALSE(q.records[1].blank);
  EXPECT_EQ(q.records[1].fields, Fields{" "});
  // Only line ends: one blank record per line end.
  EXPECT_EQ(Read("\n").records.size(), 1u);
  EXPECT_EQ(Read("\r\n\r\n").records.size(), 2u);
}

TEST(CsvReaderTest, DelimiterGiven) {
  const Result r = Read("a;b,c\n1;2,3\n", {.delimiter = ';'});
  EXPECT_EQ(r.delimiter, ';');
  EXPECT_THAT(AllFields(r), ElementsAre(Fields{"a", "b,c"},
                                        Fields{"1", "2,3"}));
  const Result tab = Read("a\tb c\n\"x\ty\"\tz\n", {.delimiter = '\t'});
  EXPECT_THAT(AllFields(tab), ElementsAre(Fields{"a", "b c"},
                                          Fields{"x\ty", "z"}));
  const Result pipe = Read("a|b\n", {.delimiter = '|'});
  EXPECT_THAT(AllFields(pipe), ElementsAre(Fields{"a", "b"}));
}

TEST(CsvReaderTest, DelimiterDetected) {
  EXPECT_EQ(Read("a,b,c\n1;2;3;4;5\n").delimiter, ',');
  EXPECT_EQ(Read("a;b;c\n1,2,3,4\n").delimiter, ';');
  EXPECT_EQ(Read("a\tb\tc\n1,2\n").delimiter, '\t');
  const Result r = Read("phone;name;note\n+1415;Ann;\"a, b\"\n");
  EXPECT_EQ(r.delimiter, ';');
  EXPECT_THAT(AllFields(r), ElementsAre(Fields{"phone", "name", "note"},
                                        Fields{"+1415", "Ann", "a, b"}));
  // Delimiters inside quotes do not count.
  EXPECT_EQ(Read("\"a,b,c\";\"d\"\n").delimiter, ';');
  EXPECT_EQ(Read("\"a;\"\"b;c\";\"d\"\n").delimiter, ';');
  EXPECT_EQ(Read("\"x\ny,z,w\";v\n").delimiter, ';');
  // Ties go to ',' then ';'; none at all gives ','.
  EXPECT_EQ(Read("a,b;c\n").delimiter, ',');
  EXPECT_EQ(Read("a;b\tc\n").delimiter, ';');
  EXPECT_EQ(Read("phone\n1;2\n").delimiter, ',');
  // Blank lines before the header are skipped (a BOM after them is data).
  EXPECT_EQ(Read("\r\n\n\xEF\xBB\xBF;x\n").delimiter, ';');
  EXPECT_EQ(Read("\xEF\xBB\xBF\n\na;b\n").delimiter, ';');
  // A quote inside a field does not open a quoted section for detection.
  EXPECT_EQ(Read("a;b\"c;\"d,e\"\n").delimiter, ';');
  EXPECT_EQ(CsvReader::DetectDelimiter("5\" disk;size;\"a,b\""), ';');
  // Only the first record counts.
  EXPECT_EQ(Read("a\nb;c;d\n").delimiter, ',');
}

TEST(CsvReaderTest, DetectDelimiterOnBytes) {
  EXPECT_EQ(CsvReader::DetectDelimiter("a;b;c"), ';');
  EXPECT_EQ(CsvReader::DetectDelimiter("a\tb,c\td"), '\t');
  EXPECT_EQ(CsvReader::DetectDelimiter(""), ',');
  EXPECT_EQ(CsvReader::DetectDelimiter("a;b\nc,d,e,f"), ';');
}

TEST(CsvReaderTest, DetectionLooksPastTheFirstChunk) {
  std::string header(5000, 'h');
  header += ";x;y\n1;2;3\n";
  CsvOptions options;
  options.chunk_bytes = 7;
  const Result r = ReadWith(header, options);
  EXPECT_EQ(r.delimiter, ';');
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].fields.size(), 3u);
}

TEST(CsvReaderTest, StrayQuoteInUnquotedField) {
  const Result r = Read("a,b\nx\"y,z\n1,2\n");
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[1].kind, CsvError::kStrayQuote);
  EXPECT_EQ(r.records[1].fields, (Fields{"x\"y", "z"}));
  EXPECT_THAT(r.records[1].error, HasSubstr("field 1"));
  EXPECT_THAT(r.records[1].error, HasSubstr("line 2, byte offset 5"));
  EXPECT_EQ(r.records[2].kind, CsvError::kNone);
  EXPECT_EQ(r.records[2].line, 3u);
  // A quote that does not start the field, after a space.
  const Result s = Read("a, \"b\"\n");
  EXPECT_EQ(s.records[0].kind, CsvError::kStrayQuote);
  EXPECT_EQ(s.records[0].fields, (Fields{"a", " \"b\""}));
}

TEST(CsvReaderTest, TextAfterClosingQuoteOnOneLine) {
  const Result r = Read("\"ab\"cd,e\n1,2\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].kind, CsvError::kTextAfterQuote);
  EXPECT_EQ(r.records[0].fields, (Fields{"abcd", "e"}));
  EXPECT_THAT(r.records[0].error, HasSubstr("line 1, byte offset 4"));
  EXPECT_EQ(r.records[1].fields, (Fields{"1", "2"}));
  EXPECT_EQ(r.records[1].kind, CsvError::kNone);
}

TEST(CsvReaderTest, BrokenQuoteCostsOneLine) {
  // The quote before Smith is never closed properly: the next quote
  // (before Lee) is followed by text. The record is cut at the first line
  // end inside the quote, and the swallowed lines are read again.
  const std::string input =
      "id,name,phone\n"
      "1,\"Smith, John,555\n"
      "2,Bob,556\r\n"
      "3,\"Lee, A\",557\n";
  const Result r = Read(input);
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[1].kind, CsvError::kTextAfterQuote);
  EXPECT_EQ(r.records[1].fields, (Fields{"1", "Smith, John,555"}));
  EXPECT_THAT(r.records[1].error, HasSubstr("first line end inside the quote"));
  EXPECT_EQ(r.records[2].fields, (Fields{"2", "Bob", "556"}));
  EXPECT_EQ(r.records[3].fields, (Fields{"3", "Lee, A", "557"}));
  EXPECT_EQ(r.records[2].kind, CsvError::kNone);
  EXPECT_EQ(r.records[3].kind, CsvError::kNone);
  EXPECT_THAT(Lines(r), ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(Offsets(r), ElementsAre(0, 14, 33, 44));
}

TEST(CsvReaderTest, RewoundBytesKeepDoubledQuotesAndCrlf) {
  // The bytes put back after a cut are the original ones: the """" the
  // quoted field read as "" is read again as """" (one quote), and a CRLF
  // that ends the cut line is consumed whole.
  const Result r = Read("\"a\r\nb,\"\"\"\"\r\n\"c\"x\n");
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].fields, Fields{"a"});
  EXPECT_EQ(r.records[0].kind, CsvError::kTextAfterQuote);
  EXPECT_EQ(r.records[1].fields, (Fields{"b", "\""}));
  EXPECT_EQ(r.records[1].kind, CsvError::kNone);
  EXPECT_EQ(r.records[1].line, 2u);
  EXPECT_EQ(r.records[1].offset, 4u);
  EXPECT_EQ(r.records[2].fields, Fields{"cx"});
  EXPECT_EQ(r.records[2].kind, CsvError::kTextAfterQuote);
  EXPECT_EQ(r.records[2].line, 3u);
  EXPECT_EQ(r.records[2].offset, 12u);
}

TEST(CsvReaderTest, UnterminatedQuoteAtEof) {
  const Result one = Read("a,b\n1,\"open");
  ASSERT_EQ(one.records.size(), 2u);
  EXPECT_EQ(one.records[1].kind, CsvError::kUnterminatedQuote);
  EXPECT_EQ(one.records[1].fields, (Fields{"1", "open"}));
  EXPECT_THAT(one.records[1].error,
              HasSubstr("quote opened at line 2, byte offset 6"));
  // Spanning lines: cut at the first line end, the rest read again.
  const Result many = Read("a,b\n1,\"open\n2,x\r\n3,y\n");
  ASSERT_EQ(many.records.size(), 4u);
  EXPECT_EQ(many.records[1].kind, CsvError::kUnterminatedQuote);
  EXPECT_EQ(many.records[1].fields, (Fields{"1", "open"}));
  EXPECT_EQ(many.records[2].fields, (Fields{"2", "x"}));
  EXPECT_EQ(many.records[3].fields, (Fields{"3", "y"}));
  EXPECT_THAT(Lines(many), ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(Offsets(many), ElementsAre(0, 4, 12, 17));
  // A lone quote at the end of the input.
  const Result lone = Read("a,\"");
  EXPECT_EQ(lone.records[0].kind, CsvError::kUnterminatedQuote);
  EXPECT_EQ(lone.records[0].fields, (Fields{"a", ""}));
  // Cut right after a CR whose LF comes next: still one line end.
  const Result cr = Read("\"x\r\n");
  ASSERT_EQ(cr.records.size(), 1u);
  EXPECT_EQ(cr.records[0].fields, Fields{"x"});
}

TEST(CsvReaderTest, UnquotedFieldOverLimit) {
  CsvOptions options;
  options.max_field_bytes = 8;
  const Result r = Read("abcdefghijkl,x\nok,y\n", options);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].kind, CsvError::kFieldTooLong);
  EXPECT_EQ(r.records[0].fields, (Fields{"abcdefgh", "x"}));
  EXPECT_THAT(r.records[0].error, HasSubstr("longer than 8 bytes"));
  EXPECT_THAT(r.records[0].error, HasSubstr("byte offset 8"));
  EXPECT_EQ(r.records[1].fields, (Fields{"ok", "y"}));
  // Exactly at the limit is fine.
  ExpectClean(Read("abcdefgh,\"abcdefgh\"\n", options));
  EXPECT_EQ(Read("abcdefghi\n", options).records[0].kind,
            CsvError::kFieldTooLong);
}

TEST(CsvReaderTest, CutFieldEndsOnACodePointBoundary) {
  CsvOptions options;
  options.max_field_bytes = 5;
  // "ab€" is 5 bytes; "abc€" would be cut inside the euro sign.
  const Result r = Read("abc\xE2\x82\xAC\n", options);
  EXPECT_EQ(r.records[0].fields, Fields{"abc"});
  EXPECT_EQ(r.records[0].kind, CsvError::kFieldTooLong);
  const Result ok = Read("ab\xE2\x82\xAC\n", options);
  ExpectClean(ok);
}

TEST(CsvReaderTest, QuotedFieldOverLimitResyncsAtFirstLineEnd) {
  CsvOptions options;
  options.max_field_bytes = 16;
  // A broken quote and no other quote in sight: the record is cut at the
  // first line end inside the quote and the following lines read again,
  // so the broken quote costs one row, not the file.
  std::string input = "id,name\n1,\"Ann\n";
  for (int i = 2; i <= 9; ++i) input += std::to_string(i) + ",name\n";
  const Result r = Read(input, options);
  ASSERT_EQ(r.records.size(), 10u);
  EXPECT_EQ(r.records[1].kind, CsvError::kFieldTooLong);
  EXPECT_EQ(r.records[1].fields, (Fields{"1", "Ann"}));
  EXPECT_THAT(r.records[1].error,
              HasSubstr("quote opened at line 2, byte offset 10"));
  for (size_t i = 2; i < r.records.size(); ++i) {
    EXPECT_EQ(r.records[i].kind, CsvError::kNone) << r.records[i];
    EXPECT_EQ(r.records[i].fields, (Fields{std::to_string(i), "name"}));
    EXPECT_EQ(r.records[i].line, i + 1);
  }
}

TEST(CsvReaderTest, QuotedFieldOverLimitOnOneLineSkipsToLineEnd) {
  CsvOptions options;
  options.max_field_bytes = 4;
  // No line end inside the quote: keep what fits, end the record at the
  // next line end with quotes ignored.
  const Result r = Read("\"abcdef\",\"x\ny\",z\n1,2\n", options);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].kind, CsvError::kFieldTooLong);
  EXPECT_EQ(r.records[0].fields, Fields{"abcd"});
  // The line end inside the second field's quote ended the record.
  EXPECT_EQ(r.records[1].fields, (Fields{"y\"", "z"}));
  EXPECT_EQ(r.records[1].kind, CsvError::kStrayQuote);
  EXPECT_EQ(r.records[2].fields, (Fields{"1", "2"}));
  EXPECT_THAT(Lines(r), ElementsAre(1, 2, 3));
  // Over the limit on a doubled quote, with a line end before it: the
  // pair is put back whole.
  const Result q = Read("\"ab\nc\"\"\"\nx\n", options);
  ASSERT_EQ(q.records.size(), 3u);
  EXPECT_EQ(q.records[0].fields, Fields{"ab"});
  EXPECT_EQ(q.records[0].kind, CsvError::kFieldTooLong);
  EXPECT_EQ(q.records[1].fields, Fields{"c\"\"\""});
  EXPECT_EQ(q.records[1].kind, CsvError::kStrayQuote);
  EXPECT_EQ(q.records[2].fields, Fields{"x"});
}

TEST(CsvReaderTest, LimitHitOnTheLfOfACrlfInsideQuotes) {
  CsvOptions options;
  options.max_field_bytes = 2;
  // Stored "a\r" fills the field; the LF is the byte over the limit. The
  // cut must take it as the second half of the CRLF, not as a blank line.
  const Result r = Read("\"a\r\nbc\n", options);
  ASSERT_EQ(r.records.size(), 2u) << r.records[1];
  EXPECT_EQ(r.records[0].fields, Fields{"a"});
  EXPECT_EQ(r.records[1].fields, Fields{"bc"});
  EXPECT_EQ(r.records[1].offset, 4u);
  EXPECT_EQ(r.records[1].line, 2u);
}

TEST(CsvReaderTest, LimitHitRightAfterACrlfInsideQuotes) {
  CsvOptions options;
  options.max_field_bytes = 2;
  // Stored "\r\n" fills the field; the next LF is a line end of its own
  // and starts the next record as a blank line (found by csv_fuzzer).
  const Result r = Read("\"\r\n\n\nx\n", options);
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[0].kind, CsvError::kFieldTooLong);
  EXPECT_EQ(r.records[0].fields, Fields{""});
  EXPECT_THAT(Offsets(r), ElementsAre(0, 3, 4, 5));
  EXPECT_THAT(Lines(r), ElementsAre(1, 2, 3, 4));
  EXPECT_TRUE(r.records[1].blank);
  EXPECT_TRUE(r.records[2].blank);
}

TEST(CsvReaderTest, TooManyFields) {
  CsvOptions options;
  options.max_fields = 3;
  const Result r = Read("a,b,c,d,\"e\nf\"\n1,2\n", options);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].kind, CsvError::kTooManyFields);
  EXPECT_EQ(r.records[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(r.records[1].line, 3u);
  ExpectClean(Read("a,b,c\n", options));
}

TEST(CsvReaderTest, InvalidUtf8) {
  const Result r = Read("name,phone\nZo\xC3\xAB,1\nbad\xFF,2\n\"q\"\"\x80\",3\n");
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[1].kind, CsvError::kNone);
  EXPECT_EQ(r.records[2].kind, CsvError::kInvalidUtf8);
  EXPECT_EQ(r.records[2].fields, (Fields{"bad\xFF", "2"}));
  EXPECT_THAT(r.records[2].error, HasSubstr("field 1"));
  EXPECT_THAT(r.records[2].error, HasSubstr("line 3, byte offset 21"));
  EXPECT_EQ(r.records[3].kind, CsvError::kInvalidUtf8);
  // The offset of the bad byte in the input, past the doubled quote.
  EXPECT_THAT(r.records[3].error, HasSubstr("line 4, byte offset 29"));
  // Overlong, surrogate, above U+10FFFF, truncated.
  for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                "\xE2\x82", "\xF0\x9F\x98"}) {
    EXPECT_EQ(Read("x" + bad + "\n").records[0].kind, CsvError::kInvalidUtf8);
  }
  for (const std::string good : {"\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                 "\xF4\x8F\xBF\xBF", "\xED\x9F\xBF"}) {
    ExpectClean(Read("x" + good + "\n"));
  }
  // Line of the bad byte inside a multi-line quoted field.
  const Result m = Read("\"a\r\nb\n\xFF\"\n");
  EXPECT_THAT(m.records[0].error, HasSubstr("line 3, byte offset 6"));
}

TEST(CsvReaderTest, FirstErrorWins) {
  const Result r = Read("a\"b,\xFF,\"c\"d\n");
  EXPECT_EQ(r.records[0].kind, CsvError::kStrayQuote);
  EXPECT_EQ(r.records[0].fields, (Fields{"a\"b", "\xFF", "cd"}));
}

TEST(CsvReaderTest, OffsetsAndLinesAfterQuotedNewlines) {
  const std::string input =
      "h1,h2\r\n"              // 0, line 1
      "\"a\r\nb\",c\r\n"       // 7, line 2 (spans 2 lines)
      "\"x\ry\"\r"             // 17, line 4 (spans 2 lines)
      "\"\n\n\",z\n"           // 23, line 6 (spans 3 lines)
      "end";                   // 30, line 9
  const Result r = Read(input);
  ExpectClean(r);
  EXPECT_THAT(AllFields(r),
              ElementsAre(Fields{"h1", "h2"}, Fields{"a\r\nb", "c"},
                          Fields{"x\ry"}, Fields{"\n\n", "z"}, Fields{"end"}));
  EXPECT_THAT(Lines(r), ElementsAre(1, 2, 4, 6, 9));
  EXPECT_THAT(Offsets(r), ElementsAre(0, 7, 17, 23, 30));
}

TEST(CsvReaderTest, LongFieldsAcrossChunks) {
  std::string big(100000, 'x');
  std::string input = "a,b\n" + big + ",\"" + big + "\"\n1,2\n";
  CsvOptions options;
  options.max_field_bytes = 200000;
  for (const size_t chunk : {1000, 4096, 65536}) {
    options.chunk_bytes = chunk;
    const Result r = ReadWith(input, options);
    ASSERT_EQ(r.records.size(), 3u);
    EXPECT_EQ(r.records[1].fields, (Fields{big, big}));
    EXPECT_EQ(r.records[2].offset, input.size() - 4);
  }
}

TEST(CsvReaderTest, ReusesRecordStorage) {
  // Fields past the small-string size, so their buffers are on the heap.
  const std::string a(40, 'a');
  const std::string b(40, 'b');
  std::istringstream in("h1,h2\n" + a + "," + a + "\nx\n" + b + "," + b + "\n");
  CsvReader reader(in);
  CsvRecord record;
  ASSERT_TRUE(reader.Next(&record));
  ASSERT_TRUE(reader.Next(&record));
  const char* data0 = record.fields[0].data();
  const char* data1 = record.fields[1].data();
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_EQ(record.fields, Fields{"x"});
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_EQ(record.fields, (Fields{b, b}));
  // The same buffers: the second one went to the reader's spares and back.
  EXPECT_EQ(record.fields[0].data(), data0);
  EXPECT_EQ(record.fields[1].data(), data1);
  EXPECT_FALSE(reader.Next(&record));
  EXPECT_FALSE(reader.Next(&record));  // stays at the end
}

TEST(CsvReaderTest, ReadsFileAndFd) {
  char path[] = "/tmp/csv_reader_test_XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  const std::string data = "\xEF\xBB\xBFp;n\r\n1;\"a\nb\"\r\n";
  ASSERT_EQ(write(fd, data.data(), data.size()),
            static_cast<ssize_t>(data.size()));
  for (int source = 0; source < 2; ++source) {
    ASSERT_EQ(lseek(fd, 0, SEEK_SET), 0);
    std::FILE* file = source == 0 ? fdopen(dup(fd), "rb") : nullptr;
    CsvOptions options;
    options.chunk_bytes = 3;
    CsvReader reader = source == 0 ? CsvReader(file, options)
                                   : CsvReader(fd, options);
    CsvRecord record;
    std::vector<Fields> all;
    while (reader.Next(&record)) all.push_back(record.fields);
    EXPECT_EQ(reader.io_error(), "");
    EXPECT_EQ(reader.delimiter(), ';');
    EXPECT_THAT(all, ElementsAre(Fields{"p", "n"}, Fields{"1", "a\nb"}));
    if (file != nullptr) std::fclose(file);
  }
  close(fd);
  unlink(path);
}

TEST(CsvReaderTest, ReportsReadErrors) {
  // A directory opens but cannot be read.
  std::FILE* dir = std::fopen("/", "r");
  ASSERT_NE(dir, nullptr);
  CsvReader reader(dir);
  CsvRecord record;
  EXPECT_FALSE(reader.Next(&record));
  EXPECT_THAT(reader.io_error(), HasSubstr("read error"));
  std::fclose(dir);
}

}  // namespace
}  // namespace smslint::cli
