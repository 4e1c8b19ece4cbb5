// For tests: ParseMessage without its fast path for flat objects
// (message/flat_object.h), to compare the two on any input.
#ifndef SMSLINT_SRC_MESSAGE_PARSE_GENERAL_H_
#define SMSLINT_SRC_MESSAGE_PARSE_GENERAL_H_

#include <cstddef>
#include <string_view>

#include "smslint/parse.h"

namespace smslint::internal {

ParsedMessage ParseMessageGeneral(std::string_view json, size_t line_number);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_MESSAGE_PARSE_GENERAL_H_
