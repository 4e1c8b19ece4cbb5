// Text from the input, made safe to echo to a terminal: a CSV or JSON
// Lines file can hold escape sequences that would retitle, recolour or
// rewrite the operator's terminal. Every field text output, the batch
// summary or a stderr message echoes goes through EscapeControls.
#ifndef SMSLINT_CLI_ESCAPE_H_
#define SMSLINT_CLI_ESCAPE_H_

#include <string>
#include <string_view>

namespace smslint::cli {

// `s` with C0 controls and DEL as \t, \n, \r or \xNN (ESC is \x1b), C1
// controls (U+0080-U+009F) as \u{NN} (\u{9b} is a CSI), and each byte of
// an ill-formed UTF-8 sequence as \xNN. Everything else, backslashes
// included, is kept, so printable text reads as it was written.
std::string EscapeControls(std::string_view s);

// Whether EscapeControls would change `s`.
bool NeedsEscape(std::string_view s);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_ESCAPE_H_
