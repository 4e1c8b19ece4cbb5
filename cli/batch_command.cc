// smslint batch: lint a CSV contact list (or JSON Lines messages) row by
// row, in parallel, with ordered output and flat memory (docs/batch.md).
//
// Pipeline: the calling thread reads the header and binds the columns, a
// reader thread cuts the input into batches of kBatchRows rows, N workers
// lint and format them with one shared Linter, and the calling thread
// writes them in input order (a reorder buffer keyed by batch index). The
// number of batches in flight is bounded, so memory does not grow with the
// input; duplicate tracking uses a fixed-size table (DupTable).
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/ascii.h"
#include "base/utf8.h"
#include "commands.h"
#include "csv_reader.h"
#include "jsonl_reader.h"
#include "message_template.h"
#include "smslint/rules.h"
#include "smslint/version.h"

namespace smslint::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kBatchRows = 256;
constexpr std::string_view kInformationUri =
    "https://github.com/smslint/smslint";
constexpr std::string_view kSarifSchema =
    "https://json.schemastore.org/sarif-2.1.0.json";

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void Write(std::FILE* out, std::string_view s) {
  std::fwrite(s.data(), 1, s.size(), out);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Header names for detection: ASCII lower case, trimmed, without spaces,
// underscores and dashes ("Phone Number" -> "phonenumber").
std::string Normalise(std::string_view s) {
  std::string out;
  for (char c : Trim(s)) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    out.push_back(base::ToLowerAscii(c));
  }
  return out;
}

// ---------------------------------------------------------------- columns

enum Key {
  kTo, kFrom, kBody, kKind, kId, kCountry, kMediaType, kMediaSize,
  kMediaPath, kFirstMessage, kBrand, kNumKeys
};
constexpr std::string_view kKeyNames[kNumKeys] = {
    "to", "from", "body", "kind", "id", "country", "media_type",
    "media_size", "media_path", "first_message", "brand"};

// Detection aliases, already normalised (Normalise above).
const std::vector<std::vector<std::string_view>> kAliases = {
    {"to", "phone", "phonenumber", "mobile", "mobilenumber", "cell", "number",
     "msisdn", "recipient", "tel"},
    {"from", "sender", "senderid"},
    {"body", "message", "text", "sms"},
    {"kind", "type"},
    {"id", "contactid", "customerid"},
    {"country", "countrycode", "region"},
    {"mediatype", "contenttype", "mediacontenttype"},
    {"mediasize", "mediasizebytes"},
    {"mediapath", "media"},
    {"firstmessage", "first"},
    {"brand"},
};

std::optional<Key> ParseKey(std::string_view name) {
  for (int k = 0; k < kNumKeys; ++k) {
    if (kKeyNames[k] == name) return static_cast<Key>(k);
  }
  return std::nullopt;
}

// ------------------------------------------------------------------ price

// A decimal price as mantissa * 10^-scale, so the cost is exact.
struct Price {
  uint64_t mantissa = 0;
  int scale = 0;
};

std::optional<Price> ParsePrice(std::string_view s) {
  Price p;
  bool dot = false, digit = false;
  int digits = 0;
  for (char c : s) {
    if (c == '.' && !dot) { dot = true; continue; }
    if (c < '0' || c > '9') return std::nullopt;
    digit = true;
    if (p.mantissa == 0 && c == '0' && !dot) continue;
    if (++digits > 18) return std::nullopt;
    p.mantissa = p.mantissa * 10 + static_cast<uint64_t>(c - '0');
    if (dot) ++p.scale;
  }
  if (!digit || s.back() == '.') return std::nullopt;
  return p;
}

// mantissa * count at the price's scale, as a decimal string without
// trailing zeros ("9.7486", "12", "0").
__extension__ typedef unsigned __int128 Uint128;

std::string Multiply(const Price& p, uint64_t count) {
  Uint128 v = static_cast<Uint128>(p.mantissa) * count;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  while (static_cast<int>(digits.size()) <= p.scale) digits.insert(digits.begin(), '0');
  std::string out = digits.substr(0, digits.size() - p.scale);
  std::string frac = digits.substr(digits.size() - p.scale);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (!frac.empty()) out += "." + frac;
  return out;
}

// ------------------------------------------------------------- duplicates

// Recipients seen so far: a flat open-addressing table of 16-byte entries
// (key, first row, first line) with a fixed number of slots, allocated
// once with calloc so that only the pages touched count towards memory.
// Keys: an E.164 number's digits as an integer (at most 15 digits), or for
// numbers that do not parse a 63-bit hash of the trimmed text with the top
// bit set. At kMaxUnique recipients it stops adding new ones (`capped`).
class DupTable {
 public:
  static constexpr size_t kSlots = size_t{1} << 20;  // 16 MiB of address space
  static constexpr size_t kMaxUnique = 786'432;      // load factor 0.75

  ~DupTable() { std::free(slots_); }

  struct Hit {
    bool duplicate = false;
    uint64_t first_row = 0, first_line = 0;
  };

  Hit Check(uint64_t key, uint64_t row, uint64_t line) {
    Hit hit;
    if (key == 0) return hit;
    if (slots_ == nullptr) {
      slots_ = static_cast<Entry*>(std::calloc(kSlots, sizeof(Entry)));
      if (slots_ == nullptr) { capped_ = true; return hit; }
    }
    size_t i = Mix(key) & (kSlots - 1);
    while (slots_[i].key != 0) {
      if (slots_[i].key == key) {
        hit.duplicate = true;
        hit.first_row = slots_[i].row;
        hit.first_line = slots_[i].line;
        return hit;
      }
      i = (i + 1) & (kSlots - 1);
    }
    if (size_ >= kMaxUnique || row > UINT32_MAX || line > UINT32_MAX) {
      capped_ = true;
      return hit;
    }
    slots_[i] = {key, static_cast<uint32_t>(row), static_cast<uint32_t>(line)};
    ++size_;
    return hit;
  }
  bool capped() const { return capped_; }

 private:
  struct Entry {
    uint64_t key;
    uint32_t row;
    uint32_t line;
  };
  static_assert(sizeof(Entry) == 16);
  static uint64_t Mix(uint64_t x) {  // splitmix64's finaliser
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27; x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
  Entry* slots_ = nullptr;
  size_t size_ = 0;
  bool capped_ = false;
};

uint64_t Fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

uint64_t RecipientKey(const Report& report, std::string_view to) {
  to = Trim(to);
  if (to.empty()) return 0;
  if (report.to_number && !report.to_number->e164.empty()) {
    const std::string& e = report.to_number->e164;
    uint64_t v = 0;
    bool ok = e.size() >= 2 && e.size() <= 16 && e[0] == '+';
    for (size_t i = 1; ok && i < e.size(); ++i) {
      if (e[i] < '0' || e[i] > '9') ok = false;
      else v = v * 10 + static_cast<uint64_t>(e[i] - '0');
    }
    if (ok && v != 0) return v;
  }
  return Fnv1a(to) | (uint64_t{1} << 63);
}

// ----------------------------------------------------------------- rows

struct Row {
  uint64_t row = 0, line = 0, offset = 0;
  std::vector<std::string> fields;  // CSV fields
  std::string error;                // CSV record error ("" when none)
  std::string text;                 // JSONL line
  bool too_long = false;            // JSONL line over the limit
};

struct Result {
  uint64_t row = 0, line = 0;
  Report report;
  bool malformed = false;
  std::vector<std::string> fields;  // what the CSV output echoes
  std::string to, from, body;       // for fingerprints
  uint64_t dup_key = 0;
  std::string out;                  // the formatted record
};

struct Batch {
  uint64_t index = 0;
  uint64_t end_offset = 0;  // input bytes consumed after its last row
  std::vector<Row> rows;
  std::vector<Result> results;
};

enum class OutFormat { kText, kJsonl, kCsv, kSarif };

// Everything the workers read; fixed before they start.
struct Context {
  const Linter* linter = nullptr;
  OutFormat format = OutFormat::kText;
  bool jsonl_input = false;
  std::string source;       // for text output
  std::string uri;          // for SARIF
  char out_delimiter = ',';
  std::vector<std::string> header;
  int col[kNumKeys];
  std::optional<MessageTemplate> tmpl;
  std::vector<int> tmpl_cols;
  std::optional<MessageKind> default_kind;
  bool default_first_message = false;
  std::string default_from;
  bool color = false;
  size_t max_line_bytes = 4 << 20;
};

void AddProblem(const Context& ctx, Report& report, std::string_view rule,
                std::string_view field,
                std::vector<std::pair<std::string, std::string>> args) {
  if (auto d = ctx.linter->MakeDiagnostic(rule, field, std::nullopt,
                                          std::move(args))) {
    report.diagnostics.insert(report.diagnostics.begin(), std::move(*d));
  }
}

std::string CsvQuote(std::string_view s, char delim) {
  bool need = false;
  for (char c : s) {
    if (c == delim || c == '"' || c == '\r' || c == '\n') { need = true; break; }
  }
  if (!need) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string_view LevelName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "note";
}

// The column a field came from, for SARIF properties ("" when unknown).
std::string ColumnOf(const Context& ctx, std::string_view field) {
  if (ctx.jsonl_input) return "";
  int c = -1;
  if (field == "to") c = ctx.col[kTo];
  else if (field == "from") c = ctx.col[kFrom];
  else if (field == "body") c = ctx.tmpl ? -1 : ctx.col[kBody];
  else if (field.starts_with("media")) c = ctx.col[kMediaType];
  if (c < 0 || static_cast<size_t>(c) >= ctx.header.size()) return "";
  return ctx.header[c];
}

void FormatResult(const Context& ctx, Result& r) {
  r.out.clear();
  const Report& rep = r.report;
  switch (ctx.format) {
    case OutFormat::kJsonl:
      r.out = ReportToJson(rep, {.line = r.line, .row = r.row});
      r.out += "\n";
      break;
    case OutFormat::kText: {
      const char* bold = ctx.color ? "\x1b[1m" : "";
      const char* reset = ctx.color ? "\x1b[0m" : "";
      for (const Diagnostic& d : rep.diagnostics) {
        const char* sev = "";
        if (ctx.color) {
          sev = d.severity == Severity::kError     ? "\x1b[1;31m"
                : d.severity == Severity::kWarning ? "\x1b[1;33m"
                                                   : "\x1b[1;36m";
        }
        r.out += std::string(bold) + ctx.source + ":" + std::to_string(r.line) +
                 ": (row " + std::to_string(r.row) + ") " + d.field + ":" +
                 reset + " " + sev + std::string(SeverityName(d.severity)) +
                 reset + ": " + d.message + " [" + d.rule_id + "]\n";
      }
      break;
    }
    case OutFormat::kCsv: {
      const char dl = ctx.out_delimiter;
      const size_t width = ctx.jsonl_input ? 4 : ctx.header.size();
      std::string& o = r.out;
      for (size_t i = 0; i < width; ++i) {
        if (i < r.fields.size()) o += CsvQuote(r.fields[i], dl);
        o.push_back(dl);
      }
      const auto max = rep.MaxSeverity();
      o += max ? std::string(SeverityName(*max)) : "ok";
      o.push_back(dl);
      o += std::to_string(rep.Count(Severity::kError));
      o.push_back(dl);
      o += std::to_string(rep.Count(Severity::kWarning));
      o.push_back(dl);
      if (rep.to_number) o += CsvQuote(rep.to_number->e164, dl);
      o.push_back(dl);
      if (!r.malformed) {
        o += std::to_string(rep.segments.segment_count);
        o.push_back(dl);
        o += std::string(EncodingName(rep.segments.encoding));
        o.push_back(dl);
        o += FormatWeight(rep.risk.score);
        o.push_back(dl);
        o += std::string(RiskBandName(rep.risk.band));
      } else {
        o.append(3, dl);
      }
      o.push_back(dl);
      std::string rules;
      std::set<std::string_view> seen;
      for (const Diagnostic& d : rep.diagnostics) {
        if (!seen.insert(d.rule_id).second) continue;
        if (!rules.empty()) rules.push_back(' ');
        rules += d.rule_id;
      }
      o += CsvQuote(rules, dl);
      o.push_back(dl);
      const Diagnostic* first = nullptr;
      for (const Diagnostic& d : rep.diagnostics) {
        if (d.severity == Severity::kError) { first = &d; break; }
      }
      if (first == nullptr) {
        for (const Diagnostic& d : rep.diagnostics) {
          if (d.severity == Severity::kWarning) { first = &d; break; }
        }
      }
      if (first != nullptr) o += CsvQuote(first->message, dl);
      o += "\r\n";
      break;
    }
    case OutFormat::kSarif: {
      for (const Diagnostic& d : rep.diagnostics) {
        // The normalised value the fingerprint is taken over.
        std::string value;
        if (d.rule_id.starts_with("to/") || d.field == "to" ||
            d.rule_id == "input/duplicate-recipient") {
          value = rep.to_number && !rep.to_number->e164.empty()
                      ? rep.to_number->e164
                      : std::string(Trim(r.to));
        } else if (d.rule_id.starts_with("from/") || d.field == "from") {
          value = rep.from_number && !rep.from_number->e164.empty()
                      ? rep.from_number->e164
                      : std::string(Trim(r.from));
        } else if (r.malformed) {
          for (const std::string& f : r.fields) value += f + '\x1f';
        } else {
          value = r.body;
        }
        uint64_t h = Fnv1a(d.rule_id);
        h = Fnv1a(std::string_view("\0", 1), h);
        h = Fnv1a(d.field, h);
        h = Fnv1a(std::string_view("\0", 1), h);
        h = Fnv1a(value, h);
        Json props = {{"row", r.row}, {"field", d.field}};
        const std::string column = ColumnOf(ctx, d.field);
        if (!column.empty()) props["column"] = column;
        if (!rep.id.empty()) props["id"] = rep.id;
        Json res = {
            {"ruleId", d.rule_id},
            {"level", LevelName(d.severity)},
            {"message", {{"text", d.message}}},
            {"locations",
             Json::array({{{"physicalLocation",
                            {{"artifactLocation", {{"uri", ctx.uri}}},
                             {"region", {{"startLine", r.line}}}}}}})},
            {"partialFingerprints", {{"smslint/v1", Hex64(h)}}},
            {"properties", std::move(props)}};
        if (!r.out.empty()) r.out.push_back(',');
        r.out += Dump(res);
      }
      break;
    }
  }
}

// The report of a row that is not linted (malformed): the segment analysis
// of an empty body and the configured risk thresholds, as docs/batch.md
// promises, so its record has the same shape as any other.
Report EmptyReport(const Context& ctx) {
  static const SegmentInfo kEmpty = AnalyzeSegments("");
  Report r;
  r.segments = kEmpty;
  r.risk.elevated_threshold = ctx.linter->options().elevated_threshold;
  r.risk.high_threshold = ctx.linter->options().high_threshold;
  return r;
}

std::string Field(const std::vector<std::string>& f, int c) {
  return c >= 0 && static_cast<size_t>(c) < f.size() ? f[c] : std::string();
}

void ProcessCsvRow(const Context& ctx, Row& row, Result& r) {
  r.row = row.row;
  r.line = row.line;
  r.report = EmptyReport(ctx);
  r.malformed = false;
  r.dup_key = 0;
  std::string reason = row.error;
  if (reason.empty() && row.fields.size() != ctx.header.size()) {
    reason = "it has " + std::to_string(row.fields.size()) + " field(s), " +
             "the header has " + std::to_string(ctx.header.size());
  }
  if (!reason.empty()) {
    r.malformed = true;
    const std::string id = Field(row.fields, ctx.col[kId]);
    if (base::IsValidUtf8(id)) r.report.id = id;
    AddProblem(ctx, r.report, "input/csv-malformed", "input",
               {{"row", std::to_string(row.row)},
                {"line", std::to_string(row.line)},
                {"offset", std::to_string(row.offset)},
                {"reason", reason}});
    r.fields = std::move(row.fields);
    return;
  }
  Message m;
  std::vector<InputProblem> problems;
  const auto& f = row.fields;
  m.id = Field(f, ctx.col[kId]);
  m.to = Field(f, ctx.col[kTo]);
  m.from = ctx.col[kFrom] >= 0 ? Field(f, ctx.col[kFrom]) : ctx.default_from;
  if (m.from.empty()) m.from = ctx.default_from;
  if (ctx.tmpl) {
    ctx.tmpl->Render(f, ctx.tmpl_cols, &m.body);
  } else {
    m.body = Field(f, ctx.col[kBody]);
  }
  const std::string line = std::to_string(row.line);
  const std::string kind(Trim(Field(f, ctx.col[kKind])));
  if (!kind.empty()) {
    if (auto k = ParseMessageKind(base::LowerAscii(kind))) {
      m.kind = *k;
    } else {
      problems.push_back(
          {"input/wrong-type",
           {{"name", ctx.header[ctx.col[kKind]]}, {"line", line},
            {"expected", "one of marketing, transactional, otp, "
                         "conversational, informational"},
            {"actual", "\"" + kind + "\""}}});
    }
  } else if (ctx.default_kind) {
    m.kind = *ctx.default_kind;
  }
  const std::string first = base::LowerAscii(Trim(Field(f, ctx.col[kFirstMessage])));
  if (first.empty()) {
    m.first_message = ctx.default_first_message;
  } else if (first == "true" || first == "1" || first == "yes" || first == "y") {
    m.first_message = true;
  } else if (first == "false" || first == "0" || first == "no" || first == "n") {
    m.first_message = false;
  } else {
    problems.push_back({"input/wrong-type",
                        {{"name", ctx.header[ctx.col[kFirstMessage]]},
                         {"line", line},
                         {"expected", "true, false, yes, no, 1 or 0"},
                         {"actual", "\"" + first + "\""}}});
  }
  m.region = std::string(Trim(Field(f, ctx.col[kCountry])));
  m.brand = std::string(Trim(Field(f, ctx.col[kBrand])));
  const std::string mtype(Trim(Field(f, ctx.col[kMediaType])));
  const std::string msize(Trim(Field(f, ctx.col[kMediaSize])));
  const std::string mpath(Trim(Field(f, ctx.col[kMediaPath])));
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
                            {{"name", ctx.header[ctx.col[kMediaSize]]},
                             {"line", line},
                             {"expected", "a size in bytes"},
                             {"actual", "\"" + msize + "\""}}});
      }
    }
    if (!mpath.empty()) media.path = mpath;
    m.media.push_back(std::move(media));
  }
  r.report = ctx.linter->Lint(m);
  for (auto it = problems.rbegin(); it != problems.rend(); ++it) {
    AddProblem(ctx, r.report, it->rule_id, "input", std::move(it->args));
  }
  r.dup_key = RecipientKey(r.report, m.to);
  r.to = std::move(m.to);
  r.from = std::move(m.from);
  if (ctx.format == OutFormat::kSarif) r.body = std::move(m.body);
  r.fields = std::move(row.fields);
}

void ProcessJsonlRow(const Context& ctx, Row& row, Result& r) {
  r.row = row.row;
  r.line = row.line;
  r.report = EmptyReport(ctx);
  r.malformed = false;
  r.dup_key = 0;
  ParsedLine parsed;
  if (row.too_long) {
    parsed.usable = false;
    parsed.problems.push_back(
        {"input/invalid-json",
         {{"line", std::to_string(row.line)},
          {"reason", "line is longer than " +
                         std::to_string(ctx.max_line_bytes) + " bytes"},
          {"offset", std::to_string(ctx.max_line_bytes)}}});
  } else {
    parsed = ParseMessageLine(row.text, row.line);
  }
  Message& m = parsed.message;
  if (parsed.usable) {
    if (m.from.empty() && m.messaging_service_id.empty()) m.from = ctx.default_from;
    if (m.kind == MessageKind::kUnspecified && ctx.default_kind) m.kind = *ctx.default_kind;
    if (ctx.default_first_message) m.first_message = true;
    r.report = ctx.linter->Lint(m);
    r.dup_key = RecipientKey(r.report, m.to);
  } else {
    r.report.id = m.id;
    r.malformed = true;
  }
  for (auto it = parsed.problems.rbegin(); it != parsed.problems.rend(); ++it) {
    AddProblem(ctx, r.report, it->rule_id, "input", std::move(it->args));
  }
  // An unusable line has no fields: its raw text keeps its SARIF
  // fingerprint distinct from every other broken line's.
  r.fields = parsed.usable ? std::vector<std::string>{m.id, m.to, m.from, m.body}
                           : std::vector<std::string>{row.text};
  r.to = std::move(m.to);
  r.from = std::move(m.from);
  r.body = std::move(m.body);
}

// ------------------------------------------------------------- pipeline

struct Shared {
  std::mutex mu;
  std::condition_variable work_cv, done_cv, space_cv;
  std::deque<std::unique_ptr<Batch>> work;
  std::map<uint64_t, std::unique_ptr<Batch>> done;
  size_t in_flight = 0;
  size_t max_in_flight = 8;
  bool reader_done = false;
  uint64_t batches = 0;  // total, once reader_done
  std::atomic<uint64_t> bytes_read{0};
  std::string io_error;
};

struct Summary {
  uint64_t rows = 0, ok = 0, errors = 0, warnings = 0, malformed = 0,
           duplicates = 0, segments = 0, segments_sendable = 0;
  std::map<std::string, uint64_t> rules;
  bool failed = false;
};

std::string HumanSummary(const Summary& s, const std::optional<Price>& price,
                         bool capped) {
  std::string out = std::to_string(s.rows) + " row(s): " +
                    std::to_string(s.errors) + " with errors, " +
                    std::to_string(s.warnings) + " with warnings, " +
                    std::to_string(s.ok) + " ok; " +
                    std::to_string(s.malformed) + " malformed, " +
                    std::to_string(s.duplicates) + " duplicate(s); " +
                    std::to_string(s.segments) + " segment(s)";
  if (price) out += "; estimated cost " + Multiply(*price, s.segments);
  out += "\n";
  if (capped) {
    out += "note: more than " + std::to_string(DupTable::kMaxUnique) +
           " distinct recipients; later new recipients were not checked for "
           "duplicates\n";
  }
  return out;
}

bool IsTty(int fd) { return isatty(fd) == 1; }

}  // namespace

int RunBatch(const BatchFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  const char* det = std::getenv("SMSLINT_DETERMINISTIC");
  const bool deterministic = det != nullptr && std::string_view(det) == "1";

  // Flags that need no input.
  Context ctx;
  for (int& c : ctx.col) c = -1;
  if (flags.format == "jsonl") ctx.format = OutFormat::kJsonl;
  else if (flags.format == "csv") ctx.format = OutFormat::kCsv;
  else if (flags.format == "sarif") ctx.format = OutFormat::kSarif;

  std::string input_format = flags.input_format;
  if (input_format == "auto") {
    const std::string lower = base::LowerAscii(flags.input);
    input_format = flags.input != "-" && (lower.ends_with(".jsonl") ||
                                          lower.ends_with(".ndjson"))
                       ? "jsonl"
                       : "csv";
  }
  ctx.jsonl_input = input_format == "jsonl";

  std::vector<std::pair<Key, std::string>> explicit_cols;
  for (const std::string& spec : flags.columns) {
    const size_t eq = spec.find('=');
    const std::string key = base::LowerAscii(Trim(spec.substr(0, eq)));
    const auto k = ParseKey(key);
    if (!k) {
      std::fprintf(stderr,
                   "smslint: --column %s: unknown key \"%s\" (expected one of "
                   "to, from, body, kind, id, country, media_type, "
                   "media_size, media_path, first_message, brand)\n",
                   spec.c_str(), key.c_str());
      return kExitUsage;
    }
    const std::string header =
        eq == std::string::npos ? "" : std::string(Trim(spec.substr(eq + 1)));
    if (header.empty()) {
      std::fprintf(stderr, "smslint: --column %s: no header given for \"%s\" "
                           "(write %s=HEADER)\n",
                   spec.c_str(), key.c_str(), key.c_str());
      return kExitUsage;
    }
    explicit_cols.emplace_back(*k, header);
  }
  bool body_explicit = false;
  for (const auto& [k, h] : explicit_cols) body_explicit |= k == kBody;
  if (flags.template_given && body_explicit) {
    std::fprintf(stderr, "smslint: --template and --column body=... both "
                         "give the body; use one of them\n");
    return kExitUsage;
  }
  if (ctx.jsonl_input && (!explicit_cols.empty() || flags.template_given)) {
    std::fprintf(stderr, "smslint: --column and --template apply to CSV "
                         "input only\n");
    return kExitUsage;
  }
  if (flags.template_given) {
    TemplateError error;
    ctx.tmpl = MessageTemplate::Parse(flags.template_text, &error);
    if (!ctx.tmpl) {
      std::fprintf(stderr, "smslint: --template: %s\n", error.message.c_str());
      return kExitUsage;
    }
  }
  char delimiter = 0;
  if (!flags.delimiter.empty()) {
    const std::string& d = flags.delimiter;
    if (d == "\\t" || d == "tab" || d == "TAB") delimiter = '\t';
    else if (d.size() == 1 && d[0] != '"' && d[0] != '\r' && d[0] != '\n' &&
             d[0] != '\0') delimiter = d[0];
    else {
      std::fprintf(stderr, "smslint: --delimiter %s: expected one byte such "
                           "as , ; or tab (not a quote or line end)\n",
                   d.c_str());
      return kExitUsage;
    }
  }
  if (flags.max_field_bytes == 0) {
    std::fprintf(stderr, "smslint: --max-field-bytes must be at least 1\n");
    return kExitUsage;
  }
  if (!flags.kind.empty()) {
    ctx.default_kind = ParseMessageKind(base::LowerAscii(flags.kind));
    if (!ctx.default_kind) {
      std::fprintf(stderr, "smslint: --kind %s: expected marketing, "
                           "transactional, otp, conversational or "
                           "informational\n", flags.kind.c_str());
      return kExitUsage;
    }
  }
  std::optional<Price> price;
  if (!flags.price_per_segment.empty()) {
    price = ParsePrice(flags.price_per_segment);
    if (!price) {
      std::fprintf(stderr, "smslint: --price-per-segment %s: expected a "
                           "decimal number such as 0.0079\n",
                   flags.price_per_segment.c_str());
      return kExitUsage;
    }
  }
  ctx.default_first_message = flags.first_message;
  ctx.default_from = flags.from;

  const Linter linter(flags.options);
  if (!linter.ok()) {
    std::fprintf(stderr, "smslint: %s: %s\n", linter.error().c_str(),
                 linter.error_arg().c_str());
    return kExitUsage;
  }
  ctx.linter = &linter;
  const bool track_dups =
      linter.MakeDiagnostic("input/duplicate-recipient", "to", std::nullopt,
                            {}).has_value();

  // Input.
  std::FILE* in = OpenInput(flags.input);
  if (in == nullptr) return kExitUsage;
  ctx.source = flags.stdin_filename.empty() ? "<stdin>" : flags.stdin_filename;
  ctx.uri = flags.stdin_filename.empty() ? "stdin" : flags.stdin_filename;
  if (flags.input != "-") {
    ctx.source = ctx.uri = flags.input;
  }
  uint64_t total_bytes = 0;
  {
    struct stat st;
    if (fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode)) {
      total_bytes = static_cast<uint64_t>(st.st_size);
    }
  }
  struct Closer {
    std::FILE* f;
    ~Closer() { if (f != nullptr && f != stdin) std::fclose(f); }
  } in_closer{in};

  CsvOptions copts;
  copts.delimiter = delimiter;
  copts.max_field_bytes = flags.max_field_bytes;
  std::unique_ptr<CsvReader> csv;
  std::unique_ptr<LineReader> lines;
  CsvRecord header_rec;
  bool have_header = false;
  if (ctx.jsonl_input) {
    lines = std::make_unique<LineReader>(in, ctx.max_line_bytes);
  } else {
    csv = std::make_unique<CsvReader>(in, copts);
    while (csv->Next(&header_rec)) {
      if (header_rec.blank) continue;
      have_header = true;
      break;
    }
    ctx.out_delimiter = csv->delimiter() == 0 ? ',' : csv->delimiter();
    if (have_header) {
      ctx.header = header_rec.fields;
      if (!header_rec.error.empty()) {
        std::fprintf(stderr, "smslint: %s: header: %s\n", ctx.source.c_str(),
                     header_rec.error.c_str());
      }
    }
    // Explicit columns, then detection for the keys not given.
    for (const auto& [k, h] : explicit_cols) {
      int found = -1;
      for (size_t i = 0; i < ctx.header.size(); ++i) {
        if (MessageTemplate::SameName(ctx.header[i], h)) {
          found = static_cast<int>(i);
          break;
        }
      }
      if (found < 0) {
        std::fprintf(stderr, "smslint: --column %s=%s: the header of %s has "
                             "no column \"%s\"\n",
                     std::string(kKeyNames[k]).c_str(), h.c_str(),
                     ctx.source.c_str(), h.c_str());
        return kExitUsage;
      }
      ctx.col[k] = found;
    }
    for (int k = 0; k < kNumKeys; ++k) {
      bool given = false;
      for (const auto& [ek, h] : explicit_cols) given |= ek == k;
      if (given) continue;
      if (k == kBody && ctx.tmpl) continue;
      for (std::string_view alias : kAliases[k]) {
        for (size_t i = 0; i < ctx.header.size() && ctx.col[k] < 0; ++i) {
          if (Normalise(ctx.header[i]) == alias) ctx.col[k] = static_cast<int>(i);
        }
        if (ctx.col[k] >= 0) break;
      }
    }
    if (ctx.tmpl) {
      std::vector<std::string> missing;
      if (!ctx.tmpl->BindColumns(ctx.header, &ctx.tmpl_cols, &missing)) {
        for (const std::string& name : missing) {
          std::fprintf(stderr, "smslint: --template: placeholder {{%s}} has "
                               "no column in the header of %s\n",
                       name.c_str(), ctx.source.c_str());
        }
        return kExitUsage;
      }
    }
  }

  // Output.
  std::FILE* out = stdout;
  if (!flags.output.empty() && flags.output != "-") {
    out = std::fopen(flags.output.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "smslint: cannot write %s: %s\n",
                   flags.output.c_str(), std::strerror(errno));
      return kExitUsage;
    }
  }
  struct OutCloser {
    std::FILE* f;
    ~OutCloser() { if (f != nullptr && f != stdout) std::fclose(f); }
  } out_closer{out};
  ctx.color = ctx.format == OutFormat::kText && out == stdout &&
              ShouldColor(flags.color);

  if (ctx.format == OutFormat::kCsv) {
    std::string h;
    const std::vector<std::string> jsonl_cols = {"id", "to", "from", "body"};
    const auto& cols = ctx.jsonl_input ? jsonl_cols : ctx.header;
    for (const std::string& c : cols) {
      h += CsvQuote(c, ctx.out_delimiter);
      h.push_back(ctx.out_delimiter);
    }
    const char* names[] = {"smslint_status", "smslint_errors",
                           "smslint_warnings", "smslint_e164",
                           "smslint_segments", "smslint_encoding",
                           "smslint_risk_score", "smslint_risk_band",
                           "smslint_rules", "smslint_message"};
    for (size_t i = 0; i < std::size(names); ++i) {
      if (i > 0) h.push_back(ctx.out_delimiter);
      h += names[i];
    }
    h += "\r\n";
    Write(out, h);
  } else if (ctx.format == OutFormat::kSarif) {
    Write(out, "{\"$schema\":\"" + std::string(kSarifSchema) +
                   "\",\"version\":\"2.1.0\",\"runs\":[{\"results\":[");
  }

  // The pipeline.
  unsigned jobs = flags.jobs;
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  Shared sh;
  sh.max_in_flight = 2 * static_cast<size_t>(jobs) + 2;

  std::thread reader([&] {
    uint64_t index = 0, row_no = 0;
    auto batch = std::make_unique<Batch>();
    auto flush = [&](bool last) {
      std::unique_lock lock(sh.mu);
      if (!batch->rows.empty()) {
        sh.space_cv.wait(lock, [&] { return sh.in_flight < sh.max_in_flight; });
        batch->index = index++;
        batch->end_offset = sh.bytes_read.load(std::memory_order_relaxed);
        ++sh.in_flight;
        sh.work.push_back(std::move(batch));
        sh.work_cv.notify_one();
        batch = std::make_unique<Batch>();
        batch->rows.reserve(kBatchRows);
      }
      if (last) {
        sh.reader_done = true;
        sh.batches = index;
        sh.work_cv.notify_all();
        sh.done_cv.notify_all();
      }
    };
    batch->rows.reserve(kBatchRows);
    if (ctx.jsonl_input) {
      std::string line;
      bool too_long = false;
      uint64_t line_no = 0, bytes = 0;
      while (lines->Next(line, too_long)) {
        ++line_no;
        bytes += line.size() + 1;
        if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
        Row& r = batch->rows.emplace_back();
        r.row = ++row_no;
        r.line = line_no;
        r.too_long = too_long;
        if (!too_long) r.text = std::move(line);
        if (batch->rows.size() == kBatchRows) {
          sh.bytes_read.store(bytes, std::memory_order_relaxed);
          flush(false);
        }
      }
      sh.bytes_read.store(bytes, std::memory_order_relaxed);
      if (lines->error()) {
        std::lock_guard lock(sh.mu);
        sh.io_error = "error reading " + ctx.source + " after line " +
                      std::to_string(line_no);
      }
    } else if (have_header) {
      CsvRecord rec;
      while (csv->Next(&rec)) {
        if (rec.blank) continue;
        Row& r = batch->rows.emplace_back();
        r.row = ++row_no;
        r.line = rec.line;
        r.offset = rec.byte_offset;
        r.fields = std::move(rec.fields);
        rec.fields.clear();
        r.error = rec.error;
        if (batch->rows.size() == kBatchRows) {
          sh.bytes_read.store(csv->offset(), std::memory_order_relaxed);
          flush(false);
        }
      }
      sh.bytes_read.store(csv->offset(), std::memory_order_relaxed);
      if (!csv->io_error().empty()) {
        std::lock_guard lock(sh.mu);
        sh.io_error = csv->io_error();
      }
    } else if (!csv->io_error().empty()) {
      std::lock_guard lock(sh.mu);
      sh.io_error = csv->io_error();
    }
    flush(true);
  });

  std::vector<std::thread> workers;
  for (unsigned i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      for (;;) {
        std::unique_ptr<Batch> b;
        {
          std::unique_lock lock(sh.mu);
          sh.work_cv.wait(lock, [&] { return !sh.work.empty() || sh.reader_done; });
          if (sh.work.empty()) return;
          b = std::move(sh.work.front());
          sh.work.pop_front();
        }
        b->results.resize(b->rows.size());
        for (size_t k = 0; k < b->rows.size(); ++k) {
          Result& r = b->results[k];
          if (ctx.jsonl_input) ProcessJsonlRow(ctx, b->rows[k], r);
          else ProcessCsvRow(ctx, b->rows[k], r);
          FormatResult(ctx, r);
        }
        b->rows.clear();
        {
          std::lock_guard lock(sh.mu);
          const uint64_t idx = b->index;
          sh.done.emplace(idx, std::move(b));
        }
        sh.done_cv.notify_all();
      }
    });
  }

  // The ordered writer (this thread).
  Summary sum;
  DupTable dups;
  std::set<std::string> rule_ids;
  bool first_sarif = true;
  const bool progress = !flags.quiet && IsTty(STDERR_FILENO);
  auto last_progress = std::chrono::steady_clock::now();
  bool progress_shown = false;
  uint64_t written_bytes = 0;  // input bytes of the rows written
  auto show_progress = [&](bool force) {
    if (!progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_progress < std::chrono::milliseconds(200)) return;
    last_progress = now;
    const double secs = std::chrono::duration<double>(now - start).count();
    const double rps = secs > 0 ? static_cast<double>(sum.rows) / secs : 0;
    const uint64_t done_bytes = written_bytes;
    char buf[160];
    if (total_bytes > 0 && done_bytes > 0) {
      const double frac = std::min(1.0, static_cast<double>(done_bytes) /
                                            static_cast<double>(total_bytes));
      const double eta = frac > 0 ? secs * (1 - frac) / frac : 0;
      std::snprintf(buf, sizeof buf,
                    "\r%llu rows  %.0f rows/s  %3.0f%%  ETA %.0fs   ",
                    static_cast<unsigned long long>(sum.rows), rps,
                    frac * 100, eta);
    } else {
      std::snprintf(buf, sizeof buf, "\r%llu rows  %.0f rows/s   ",
                    static_cast<unsigned long long>(sum.rows), rps);
    }
    std::fputs(buf, stderr);
    std::fflush(stderr);
    progress_shown = true;
  };

  for (uint64_t next = 0;; ++next) {
    std::unique_ptr<Batch> b;
    {
      std::unique_lock lock(sh.mu);
      for (;;) {
        auto it = sh.done.find(next);
        if (it != sh.done.end()) {
          b = std::move(it->second);
          sh.done.erase(it);
          break;
        }
        if (sh.reader_done && next >= sh.batches) break;
        if (progress) {
          sh.done_cv.wait_for(lock, std::chrono::milliseconds(200));
          lock.unlock();
          show_progress(false);
          lock.lock();
        } else {
          sh.done_cv.wait(lock);
        }
      }
    }
    if (!b) break;
    for (Result& r : b->results) {
      ++sum.rows;
      if (r.malformed) ++sum.malformed;
      if (track_dups && r.dup_key != 0) {
        const DupTable::Hit hit = dups.Check(r.dup_key, r.row, r.line);
        if (hit.duplicate) {
          ++sum.duplicates;
          std::string number =
              r.report.to_number && !r.report.to_number->e164.empty()
                  ? r.report.to_number->e164
                  : std::string(Trim(r.to));
          if (auto d = linter.MakeDiagnostic(
                  "input/duplicate-recipient", "to", std::nullopt,
                  {{"number", number},
                   {"first_line", std::to_string(hit.first_line)},
                   {"first_row", std::to_string(hit.first_row)}})) {
            auto& ds = r.report.diagnostics;
            auto pos = std::find_if(ds.begin(), ds.end(), [](const Diagnostic& x) {
              return x.field == "to";
            });
            while (pos != ds.end() && pos->field == "to" &&
                   pos->rule_id < d->rule_id) {
              ++pos;
            }
            ds.insert(pos, std::move(*d));
            FormatResult(ctx, r);
          }
        }
      }
      if (!r.malformed) {
        sum.segments += r.report.segments.segment_count;
        if (r.report.Count(Severity::kError) == 0) {
          sum.segments_sendable += r.report.segments.segment_count;
        }
      }
      const auto max = r.report.MaxSeverity();
      if (max == Severity::kError) ++sum.errors;
      else if (max == Severity::kWarning) ++sum.warnings;
      else ++sum.ok;
      for (const Diagnostic& d : r.report.diagnostics) {
        ++sum.rules[d.rule_id];
        if (d.severity >= flags.fail_on) sum.failed = true;
        if (ctx.format == OutFormat::kSarif) rule_ids.insert(d.rule_id);
      }
      if (ctx.format == OutFormat::kSarif) {
        if (!r.out.empty()) {
          if (!first_sarif) Write(out, ",");
          first_sarif = false;
        }
      }
      Write(out, r.out);
    }
    if (ctx.format == OutFormat::kJsonl) std::fflush(out);
    written_bytes = b->end_offset;
    {
      std::lock_guard lock(sh.mu);
      --sh.in_flight;
    }
    sh.space_cv.notify_one();
    show_progress(false);
  }
  reader.join();
  for (std::thread& t : workers) t.join();
  if (progress_shown) {
    show_progress(true);
    std::fputs("\n", stderr);
  }

  const double elapsed =
      deterministic ? 0.0
                    : std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  const double rps =
      deterministic || elapsed <= 0 ? 0.0 : static_cast<double>(sum.rows) / elapsed;

  if (ctx.format == OutFormat::kSarif) {
    Json rules = Json::array();
    for (const std::string& id : rule_ids) {
      const RuleInfo* info = FindRule(id);
      if (info == nullptr) continue;
      std::string full(info->summary);
      const std::string_view docs = info->docs;
      const size_t a = docs.find("## What it does\n");
      if (a != std::string_view::npos) {
        const size_t from = a + 16;
        size_t to = docs.find("\n## ", from);
        if (to == std::string_view::npos) to = docs.size();
        full = std::string(Trim(docs.substr(from, to - from)));
        for (char& c : full) if (c == '\n') c = ' ';
      }
      rules.push_back(
          {{"id", id},
           {"shortDescription", {{"text", info->summary}}},
           {"fullDescription", {{"text", full}}},
           {"help", {{"text", info->docs}, {"markdown", info->docs}}},
           {"defaultConfiguration", {{"level", LevelName(info->default_severity)}}},
           {"properties",
            {{"twilio_code", info->twilio_code}, {"weight", info->weight}}}});
    }
    Json driver = {{"name", "smslint"},
                   {"version", SMSLINT_VERSION},
                   {"informationUri", kInformationUri},
                   {"rules", std::move(rules)}};
    Write(out, "],\"tool\":" + Dump(Json{{"driver", std::move(driver)}}) +
                   ",\"columnKind\":\"unicodeCodePoints\"}]}\n");
  }
  const std::string human = HumanSummary(sum, price, dups.capped());
  if (ctx.format == OutFormat::kText) {
    Write(out, human);
    if (!sum.rules.empty()) {
      for (const auto& [id, n] : sum.rules) {
        Write(out, "  " + id + ": " + std::to_string(n) + "\n");
      }
    }
  } else if (!flags.quiet) {
    std::fputs(("smslint: " + human).c_str(), stderr);
  }
  bool write_failed = std::fflush(out) != 0 || std::ferror(out);

  if (!flags.summary_path.empty()) {
    Json j;
    j["format_version"] = 1;
    j["rows"] = sum.rows;
    j["rows_ok"] = sum.ok;
    j["rows_with_errors"] = sum.errors;
    j["rows_with_warnings"] = sum.warnings;
    j["malformed_rows"] = sum.malformed;
    j["duplicates"] = sum.duplicates;
    j["duplicate_tracking_capped"] = dups.capped();
    j["segments_total"] = sum.segments;
    j["segments_sendable"] = sum.segments_sendable;
    if (price) {
      j["estimated_cost"] = std::stod(Multiply(*price, sum.segments));
      j["price_per_segment"] = std::stod(Multiply(*price, 1));
    } else {
      j["estimated_cost"] = nullptr;
      j["price_per_segment"] = nullptr;
    }
    Json rules = Json::object();
    for (const auto& [id, n] : sum.rules) rules[id] = n;
    j["rules"] = std::move(rules);
    j["elapsed_seconds"] = elapsed;
    j["rows_per_second"] = rps;
    std::FILE* sf = std::fopen(flags.summary_path.c_str(), "wb");
    if (sf == nullptr) {
      std::fprintf(stderr, "smslint: cannot write %s: %s\n",
                   flags.summary_path.c_str(), std::strerror(errno));
      return kExitUsage;
    }
    const std::string text = Dump(j) + "\n";
    std::fwrite(text.data(), 1, text.size(), sf);
    write_failed |= std::fclose(sf) != 0;
  }
  if (write_failed) {
    std::fprintf(stderr, "smslint: error writing output: %s\n",
                 std::strerror(errno));
    return kExitUsage;
  }
  if (!sh.io_error.empty()) {
    std::fprintf(stderr, "smslint: %s\n", sh.io_error.c_str());
    return kExitUsage;
  }
  if (flags.exit_zero) return kExitOk;
  return sum.failed ? kExitFindings : kExitOk;
}

}  // namespace smslint::cli
