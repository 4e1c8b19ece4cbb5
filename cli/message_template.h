// Message templates for `smslint batch --template` (docs/csv.md,
// "Templates"): literal text with {{column}} placeholders, parsed once and
// rendered per CSV row.
//
//   Hi {{first_name}}, your order {{ Order }} ships today.
//
// A placeholder is "{{", a column name, "}}". The name is trimmed of
// spaces and tabs, must not be empty, and must not contain '{' or '}'.
// Names match header columns case-insensitively (ASCII) after trimming.
// Escapes, as in Handlebars: "\{{" is a literal "{{"; "\\{{" is a literal
// backslash followed by a placeholder. Any other backslash, and a lone
// '{' or '}' or "}}" outside a placeholder, is literal text.
#ifndef SMSLINT_CLI_MESSAGE_TEMPLATE_H_
#define SMSLINT_CLI_MESSAGE_TEMPLATE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smslint::cli {

struct TemplateError {
  std::string message;  // names the problem and its byte offset
  size_t offset = 0;    // byte offset in the template text
};

// `s` without the invisible characters spreadsheet exports leave in
// header names: U+FEFF (a byte order mark, e.g. one written before every
// file a tool concatenated), U+200B-U+200D (zero-width space, non-joiner,
// joiner) and U+2060 (word joiner). None of them can be meant as part of
// a column name, so dropping them when matching names is safe.
std::string DropInvisibles(std::string_view s);

class MessageTemplate {
 public:
  // At most this many placeholders (uses, not names) in a template, so
  // rendering a row stays cheap.
  static constexpr size_t kMaxPlaceholders = 1000;

  // Parses `text`; nullopt with *error set when it is malformed (an
  // unterminated "{{", an empty name, a brace inside a name, more than
  // kMaxPlaceholders placeholders).
  static std::optional<MessageTemplate> Parse(std::string_view text,
                                              TemplateError* error);

  // The distinct placeholder names (trimmed, first spelling kept, compared
  // case-insensitively), in order of first use. Render's
  // column_of_placeholder is indexed like this.
  const std::vector<std::string>& Placeholders() const { return names_; }

  // Maps each placeholder to its column in `header` (the first matching
  // column). Unmatched names get -1 and are appended to *missing when
  // given. True when every placeholder has a column.
  bool BindColumns(const std::vector<std::string>& header,
                   std::vector<int>* column_of_placeholder,
                   std::vector<std::string>* missing = nullptr) const;

  // Appends the message for one row to *out. A placeholder whose column is
  // -1 or past the end of `fields` (a short row) renders as "". False,
  // having appended at most `max_bytes` bytes, when the message would be
  // longer than that: a few placeholders of a long field must not build
  // a body of megabytes per row.
  bool Render(const std::vector<std::string>& fields,
              const std::vector<int>& column_of_placeholder, std::string* out,
              size_t max_bytes = SIZE_MAX) const;

  // Case-insensitive (ASCII), whitespace-trimmed name comparison, the rule
  // BindColumns uses, also for --column; invisible characters are ignored
  // (DropInvisibles).
  static bool SameName(std::string_view a, std::string_view b);

 private:
  struct Piece {
    size_t begin;  // a literal's range in literals_
    size_t size;
    int placeholder;  // -1 for a literal, else an index into names_
  };
  std::string literals_;
  std::vector<Piece> pieces_;
  std::vector<std::string> names_;
};

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_MESSAGE_TEMPLATE_H_
