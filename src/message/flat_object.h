// A fast reader for the usual JSON Lines message: one flat object whose
// values are strings, true, false or null, with no key given twice. It
// gives the same members, values and order-independent content that
// nlohmann's parser gives for such a line; for any other line (numbers,
// arrays, nested objects, an error of any kind) it gives up and the
// general parser, with its exact error messages and offsets, takes the
// line. Hand-written because nlohmann's lexer copied every character into
// two buffers: ~38 k instructions of a realistic `check` message (~14 %).
#ifndef SMSLINT_SRC_MESSAGE_FLAT_OBJECT_H_
#define SMSLINT_SRC_MESSAGE_FLAT_OBJECT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smslint::internal {

struct FlatValue {
  enum class Kind { kString, kTrue, kFalse, kNull } kind = Kind::kNull;
  std::string text;  // kString: the decoded string (UTF-8)
};

// The members in input order, or nullopt when the line is not of that
// shape (or not valid JSON). Keys and strings are decoded (escapes, \u
// with surrogate pairs); a string with a raw control character, an invalid
// escape or ill-formed UTF-8 gives nullopt, as does a repeated key.
std::optional<std::vector<std::pair<std::string, FlatValue>>> ReadFlatObject(
    std::string_view json);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_MESSAGE_FLAT_OBJECT_H_
