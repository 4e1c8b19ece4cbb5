#include "sinks/json_sinks.h"

#include <nlohmann/json.hpp>

#include "smslint/numbers.h"
#include "smslint/version.h"

namespace smslint::cli {

void JsonlSink::Render(const Record& record, const Report& report,
                       std::string* out) const {
  *out = ReportToJson(report, {.line = record.line,
                               .row = with_row_ ? std::optional<size_t>(record.row)
                                                : std::nullopt});
  out->push_back('\n');
}

void JsonSink::Begin() {
  Put("{\"format_version\":" + std::to_string(kReportFormatVersion) +
      ",\"tool\":{\"name\":\"smslint\",\"version\":\"" + SMSLINT_VERSION +
      "\",\"phone_metadata\":");
  Put(nlohmann::json(PhoneMetadataVersion()).dump());
  Put("},\"source\":");
  Put(nlohmann::json(source_).dump(-1, ' ', false,
                                   nlohmann::json::error_handler_t::replace));
  Put(",\"reports\":[");
}

void JsonSink::Render(const Record& record, const Report& report,
                      std::string* out) const {
  *out = ReportToJson(report, {.line = record.line, .row = std::nullopt});
}

void JsonSink::Write(const Report& report, std::string_view rendered) {
  if (messages_++ > 0) Put(",");
  Put(rendered);
  for (const Diagnostic& d : report.diagnostics) {
    ++counts_[static_cast<int>(d.severity)];
  }
}

void JsonSink::End() {
  Put("],\"summary\":{\"messages\":" + std::to_string(messages_) +
      ",\"errors\":" + std::to_string(counts_[2]) +
      ",\"warnings\":" + std::to_string(counts_[1]) +
      ",\"infos\":" + std::to_string(counts_[0]) + "}}\n");
}

}  // namespace smslint::cli
