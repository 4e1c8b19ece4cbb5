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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smslint::cli {

struct TemplateError {
  std::string message;  // names the problem and its byte offset
  size_t offset = 0;    // byte offset in the template text
};

class MessageTemplate {
 public:
  // Parses `text`; nullopt with *error set when it is malformed (an
  // unterminated "{{", an empty name, a brace inside a name).
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
  // -1 or past the end of `fields` (a short row) renders as "".
  void Render(const std::vector<std::string>& fields,
              const std::vector<int>& column_of_placeholder,
              std::string* out) const;

  // Case-insensitive (ASCII), whitespace-trimmed name comparison, the rule
  // BindColumns uses.
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
