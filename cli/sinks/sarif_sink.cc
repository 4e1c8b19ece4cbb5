#include "sinks/sarif_sink.h"

#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "ascii.h"
#include "smslint/rules.h"
#include "smslint/version.h"

namespace smslint::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kInformationUri =
    "https://github.com/smslint/smslint";
constexpr std::string_view kSarifSchema =
    "https://json.schemastore.org/sarif-2.1.0.json";

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string_view LevelName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "note";
}

}  // namespace

std::string PathToUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (const unsigned char c : path) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                      c == '_' || c == '~' || c == '/';
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

void SarifSink::Begin() {
  Put("{\"$schema\":\"" + std::string(kSarifSchema) +
      "\",\"version\":\"2.1.0\",\"runs\":[{\"results\":[");
}

void SarifSink::Render(const Record& record, const Report& rep,
                       std::string* out) const {
  out->clear();
  const Message& m = record.message;
  for (const Diagnostic& d : rep.diagnostics) {
    // The normalised value the fingerprint is taken over.
    std::string value;
    if (d.rule_id.starts_with("to/") || d.field == "to" ||
        d.rule_id == "input/duplicate-recipient") {
      value = rep.to_number && !rep.to_number->e164.empty()
                  ? rep.to_number->e164
                  : std::string(Trim(m.to));
    } else if (d.rule_id.starts_with("from/") || d.field == "from") {
      value = rep.from_number && !rep.from_number->e164.empty()
                  ? rep.from_number->e164
                  : std::string(Trim(m.from));
    } else if (!record.usable) {
      for (const std::string& f : record.fields) value += f + '\x1f';
    } else {
      value = m.body;
    }
    uint64_t h = Fnv1a(d.rule_id);
    h = Fnv1a(std::string_view("\0", 1), h);
    h = Fnv1a(d.field, h);
    h = Fnv1a(std::string_view("\0", 1), h);
    h = Fnv1a(value, h);
    Json props = {{"row", record.row}, {"field", d.field}};
    const std::string column = column_of_ ? column_of_(d.field) : "";
    if (!column.empty()) props["column"] = column;
    if (!rep.id.empty()) props["id"] = rep.id;
    Json res = {
        {"ruleId", d.rule_id},
        {"level", LevelName(d.severity)},
        {"message", {{"text", d.message}}},
        {"locations",
         Json::array({{{"physicalLocation",
                        {{"artifactLocation", {{"uri", uri_}}},
                         {"region", {{"startLine", record.line}}}}}}})},
        {"partialFingerprints", {{"smslint/v1", Hex64(h)}}},
        {"properties", std::move(props)}};
    if (!out->empty()) out->push_back(',');
    *out += Dump(res);
  }
}

void SarifSink::Write(const Report& report, std::string_view rendered) {
  for (const Diagnostic& d : report.diagnostics) rule_ids_.insert(d.rule_id);
  if (rendered.empty()) return;
  if (!first_) Put(",");
  first_ = false;
  Put(rendered);
}

void SarifSink::End() {
  Json rules = Json::array();
  for (const std::string& id : rule_ids_) {
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
  Put("],\"tool\":" + Dump(Json{{"driver", std::move(driver)}}) +
      ",\"columnKind\":\"unicodeCodePoints\"}]}\n");
}

}  // namespace smslint::cli
