#include "records/csv_source.h"

#include "base/utf8.h"

#include <cerrno>
#include <cstdlib>
#include <utility>

#include "ascii.h"
#include "escape.h"
#include "records/encoding.h"

namespace smslint::cli {
namespace {


std::string Field(const std::vector<std::string>& f, int c) {
  return c >= 0 && static_cast<size_t>(c) < f.size() ? f[c] : std::string();
}

// The header fields for a message: quoted, at most 20 of at most 40 bytes
// each (a header may hold 16,384 fields of 64 KiB).
std::string ShowFields(const std::vector<std::string>& header) {
  constexpr size_t kMaxFields = 20, kMaxBytes = 40;
  std::string out;
  for (size_t i = 0; i < header.size() && i < kMaxFields; ++i) {
    if (i > 0) out += ", ";
    std::string_view f = header[i];
    const bool cut = f.size() > kMaxBytes;
    if (cut) {
      size_t n = kMaxBytes;
      while (n > 0 && base::IsUtf8Continuation(static_cast<unsigned char>(f[n]))) --n;
      f = f.substr(0, n);
    }
    out += "\"" + std::string(f) + (cut ? "...\"" : "\"");
  }
  if (header.size() > kMaxFields) {
    out += ", and " + std::to_string(header.size() - kMaxFields) + " more";
  }
  return out;
}

std::string ShowAliases(Key k) {
  std::string out;
  for (std::string_view a : AliasesOf(k)) {
    if (!out.empty()) out += ", ";
    out += a;
  }
  return out;
}

std::string DelimiterName(char d) {
  if (d == '\t') return "tab";
  return std::string("'") + d + "'";
}

}  // namespace

CsvSource::CsvSource(std::unique_ptr<CsvReader> reader, CsvSourceOptions options)
    : reader_(std::move(reader)), options_(std::move(options)) {
  for (int& c : col_) c = -1;
}

std::unique_ptr<CsvSource> CsvSource::Open(std::FILE* in, CsvSourceOptions options,
                                           std::vector<std::string>* messages) {
  auto reader = std::make_unique<CsvReader>(in, options.csv);
  return Open(std::move(reader), std::move(options), messages);
}

std::unique_ptr<CsvSource> CsvSource::Open(std::unique_ptr<CsvReader> reader,
                                           CsvSourceOptions options,
                                           std::vector<std::string>* messages) {
  // Whatever is said about the input echoes its bytes: escaped.
  const size_t first_message = messages->size();
  struct Escaper {
    std::vector<std::string>* messages;
    size_t first;
    ~Escaper() {
      for (size_t i = first; i < messages->size(); ++i) {
        (*messages)[i] = EscapeControls((*messages)[i]);
      }
    }
  } escaper{messages, first_message};
  if (const auto e = SniffEncoding(reader->Head(kSniffBytes))) {
    messages->push_back(ForeignEncodingMessage(options.name, *e, ".csv"));
    return nullptr;
  }
  std::unique_ptr<CsvSource> s(new CsvSource(std::move(reader), std::move(options)));
  CsvRecord header_rec;
  while (s->reader_->Next(&header_rec)) {
    if (header_rec.blank) continue;
    s->have_header_ = true;
    break;
  }
  if (s->have_header_) {
    s->header_ = header_rec.fields;
    if (!header_rec.error.empty()) {
      messages->push_back(s->options_.name + ": header: " + header_rec.error);
    }
  }
  if (!s->Bind(messages)) return nullptr;
  return s;
}

std::unique_ptr<CsvSource> CsvSource::ForHeader(std::vector<std::string> header,
                                                CsvSourceOptions options,
                                                std::vector<std::string>* messages) {
  const size_t first_message = messages->size();
  std::unique_ptr<CsvSource> s(new CsvSource(nullptr, std::move(options)));
  s->have_header_ = true;
  s->header_ = std::move(header);
  const bool ok = s->Bind(messages);
  for (size_t i = first_message; i < messages->size(); ++i) {
    (*messages)[i] = EscapeControls((*messages)[i]);
  }
  if (!ok) return nullptr;
  return s;
}

bool CsvSource::Bind(std::vector<std::string>* messages) {
  // Without a header (empty input) every explicit column and placeholder
  // is missing.
  size_t missing = 0;
  if (!BindColumns(header_, options_.columns,
                   options_.body_template.has_value(), col_, &missing)) {
    const auto& [k, h] = options_.columns[missing];
    messages->push_back("--column " + std::string(kKeyNames[k]) + "=" + h +
                        ": the header of " + options_.name +
                        " has no column \"" + h + "\"");
    return false;
  }
  // A header nothing was recognised in would mark every row to/missing
  // (or body/empty) without a word: say what was seen and looked for.
  if (have_header_) {
    const std::string seen = "(fields, split at " +
                             DelimiterName(delimiter()) + ": " +
                             ShowFields(header_) + "; looked for: ";
    if (col_[kTo] < 0) {
      messages->push_back("warning: " + options_.name +
                          ": no recipient column in the header " + seen +
                          ShowAliases(kTo) +
                          "); every row will be to/missing: use --column "
                          "to=NAME");
    }
    if (col_[kBody] < 0 && !options_.body_template) {
      messages->push_back("warning: " + options_.name +
                          ": no message column in the header " + seen +
                          ShowAliases(kBody) +
                          "); every body will be empty: use --column "
                          "body=NAME or --template");
    }
  }
  if (options_.body_template) {
    std::vector<std::string> missing_names;
    if (!options_.body_template->BindColumns(header_, &template_cols_,
                                                &missing_names)) {
      for (const std::string& name : missing_names) {
        messages->push_back("--template: placeholder {{" + name +
                            "}} has no column in the header of " +
                            options_.name);
      }
      return false;
    }
  }
  return true;
}

char CsvSource::delimiter() const {
  const char d = reader_ ? reader_->delimiter() : options_.csv.delimiter;
  return d == 0 ? ',' : d;
}

std::string CsvSource::ColumnOf(std::string_view field) const {
  const int c = ColumnIndex(field);
  return c < 0 ? "" : header_[c];
}

int CsvSource::ColumnIndex(std::string_view field) const {
  int c = -1;
  if (field == "to") c = col_[kTo];
  else if (field == "from") c = col_[kFrom];
  else if (field == "body") c = options_.body_template ? -1 : col_[kBody];
  else if (field.starts_with("media_url")) c = col_[kMediaUrl];
  else if (field == "status_callback") c = col_[kStatusCallback];
  else if (field.starts_with("media")) c = col_[kMediaType];
  if (c < 0 || static_cast<size_t>(c) >= header_.size()) return -1;
  return c;
}

bool CsvSource::Read(Record& record) {
  if (!have_header_ || reader_ == nullptr) return false;
  while (reader_->Next(&rec_)) {
    if (rec_.blank) continue;
    record.row = ++row_no_;
    record.line = rec_.line;
    record.offset = rec_.byte_offset;
    record.fields = std::move(rec_.fields);
    rec_.fields.clear();
    record.error = rec_.error;
    return true;
  }
  return false;
}

void CsvSource::Decode(Record& record) const {
  const std::vector<std::string>& header = header_;
  const auto& col = col_;
  const MessageDefaults& defaults = options_.defaults;
  record.message = Message();
  record.problems.clear();
  record.usable = true;
  std::string reason = record.error;
  if (reason.empty() && record.fields.size() != header.size()) {
    reason = "it has " + std::to_string(record.fields.size()) + " field(s), " +
             "the header has " + std::to_string(header.size());
  }
  if (!reason.empty()) {
    record.usable = false;
    const std::string id = Field(record.fields, col[kId]);
    if (base::IsValidUtf8(id)) record.message.id = id;
    record.problems.push_back({"input/csv-malformed",
                               {{"row", std::to_string(record.row)},
                                {"line", std::to_string(record.line)},
                                {"offset", std::to_string(record.offset)},
                                {"reason", reason}}});
    return;
  }
  Message& m = record.message;
  std::vector<InputProblem>& problems = record.problems;
  const auto& f = record.fields;
  m.id = Field(f, col[kId]);
  m.to = Field(f, col[kTo]);
  m.from = col[kFrom] >= 0 ? Field(f, col[kFrom]) : defaults.from;
  if (m.from.empty()) m.from = defaults.from;
  if (options_.body_template) {
    // The body a template builds is held to the field limit.
    const size_t limit = options_.csv.max_field_bytes;
    if (!options_.body_template->Render(f, template_cols_, &m.body, limit)) {
      record.usable = false;
      std::string id = std::move(m.id);
      record.message = Message();
      record.message.id = std::move(id);
      record.problems.push_back(
          {"input/csv-malformed",
           {{"row", std::to_string(record.row)},
            {"line", std::to_string(record.line)},
            {"offset", std::to_string(record.offset)},
            {"reason", "the body --template builds from it is longer than " +
                           std::to_string(limit) + " bytes (--max-field-bytes)"}}});
      return;
    }
  } else {
    m.body = Field(f, col[kBody]);
  }
  const std::string line = std::to_string(record.line);
  const std::string kind(Trim(Field(f, col[kKind])));
  if (!kind.empty()) {
    if (auto k = ParseMessageKind(Lower(kind))) {
      m.kind = *k;
    } else {
      problems.push_back(
          {"input/wrong-type",
           {{"name", header[col[kKind]]}, {"line", line},
            {"expected", "one of marketing, transactional, otp, "
                         "conversational, informational"},
            {"actual", "\"" + kind + "\""}}});
    }
  } else if (defaults.kind) {
    m.kind = *defaults.kind;
  }
  const std::string first = Lower(Trim(Field(f, col[kFirstMessage])));
  if (first.empty()) {
    m.first_message = defaults.first_message;
  } else if (first == "true" || first == "1" || first == "yes" || first == "y") {
    m.first_message = true;
  } else if (first == "false" || first == "0" || first == "no" || first == "n") {
    m.first_message = false;
  } else {
    problems.push_back({"input/wrong-type",
                        {{"name", header[col[kFirstMessage]]},
                         {"line", line},
                         {"expected", "true, false, yes, no, 1 or 0"},
                         {"actual", "\"" + first + "\""}}});
  }
  m.region = std::string(Trim(Field(f, col[kCountry])));
  m.brand = std::string(Trim(Field(f, col[kBrand])));
  m.media_urls = SplitMediaUrls(Field(f, col[kMediaUrl]));
  m.status_callback = std::string(Trim(Field(f, col[kStatusCallback])));
  const std::string mtype(Trim(Field(f, col[kMediaType])));
  const std::string msize(Trim(Field(f, col[kMediaSize])));
  const std::string mpath(Trim(Field(f, col[kMediaPath])));
  if (!mtype.empty() || !msize.empty() || !mpath.empty()) {
    Media media;
    media.content_type = mtype;
    if (!msize.empty()) {
      char* end = nullptr;
      errno = 0;
      const unsigned long long v = std::strtoull(msize.c_str(), &end, 10);
      if (errno == 0 && end != nullptr && *end == '\0' && msize[0] != '-') {
        media.size_bytes = v;
      } else {
        problems.push_back({"input/wrong-type",
                            {{"name", header[col[kMediaSize]]},
                             {"line", line},
                             {"expected", "a size in bytes"},
                             {"actual", "\"" + msize + "\""}}});
      }
    }
    if (!mpath.empty()) media.path = mpath;
    m.media.push_back(std::move(media));
  }
}

}  // namespace smslint::cli
