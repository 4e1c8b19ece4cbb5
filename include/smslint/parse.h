// File: smslint/parse.h
//
// Decodes one message written as a JSON object (docs/input.md) into a
// smslint::Message, with the input problems found. Besides smslint's own
// field names it accepts the spellings of Twilio's Messages API: the REST
// form (`To`, `MediaUrl`, ...), twilio-python's keywords (`from_`,
// `media_url`, ...) and twilio-node's (`mediaUrl`, ...), so a request can
// be linted as it would be sent.
//
//   const smslint::ParsedMessage p = smslint::ParseMessage(
//       R"({"To": "+14155550132", "From": "+14155550100", "Body": "Hi"})");
//   if (p.usable) report = linter.Lint(p.message);
//   for (const smslint::InputProblem& q : p.problems)
//     linter.MakeDiagnostic(q.rule_id, "input", std::nullopt, q.args);
#ifndef SMSLINT_PARSE_H_
#define SMSLINT_PARSE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "smslint/export.h"
#include "smslint/message.h"

namespace smslint {

// smslint::InputProblem
//
// A problem with the input, as a rule id (input/invalid-json,
// input/wrong-type, input/unknown-field, input/duplicate-field) and the
// arguments of its message; Linter::MakeDiagnostic turns it into a
// Diagnostic.
struct InputProblem {
  std::string rule_id;
  std::vector<std::pair<std::string, std::string>> args;
};

// smslint::ParsedMessage
//
// The decoded message and the problems found, in the order found.
struct ParsedMessage {
  Message message;
  std::vector<InputProblem> problems;
  // False when the input cannot be used as a message at all (not JSON, not
  // an object, a field of the wrong type, or one field given under two
  // spellings): it should not be linted. `message.id` is still set when
  // the id could be read, so a report can name the message.
  bool usable = true;
};

// Decodes one JSON object (UTF-8, without a line terminator). An empty or
// blank input is input/invalid-json. `line_number` (1-based) is only used
// as the `line` argument of the problems. Never throws.
SMSLINT_API ParsedMessage ParseMessage(std::string_view json,
                                       size_t line_number = 1);

}  // namespace smslint

#endif  // SMSLINT_PARSE_H_
