// smslint batch --report-html: the run's summary as one self-contained HTML
// page (inline CSS, no script, no network resource): status breakdown,
// blocked reasons, segments and encodings, risk bands, top rules,
// countries and the blocked rows (docs/batch.md, "HTML report"). Every
// value from the input is escaped.
#ifndef SMSLINT_CLI_SINKS_HTML_REPORT_H_
#define SMSLINT_CLI_SINKS_HTML_REPORT_H_

#include <optional>
#include <string>
#include <string_view>

#include "batch/price.h"
#include "batch/send_plan.h"
#include "batch/summary.h"

namespace smslint::cli {

// `source` names the input in the title.
std::string HtmlReport(std::string_view source, const Summary& s, const SendPlan& p,
                       const std::optional<Price>& price);

// `s` with & < > " ' as character references (and invalid UTF-8 replaced).
std::string HtmlEscape(std::string_view s);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_SINKS_HTML_REPORT_H_
