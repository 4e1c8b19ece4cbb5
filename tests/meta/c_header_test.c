/* smslint/smslint_c.h compiles on its own as C11 (built, not run), and
 * twice (include guard); the declarations are usable from C. */
#include "smslint/smslint_c.h"
#include "smslint/smslint_c.h"
#include "smslint/version.h"

typedef char* (*lint_json_fn)(const smslint_linter*, const char*, size_t, size_t*);
lint_json_fn smslint_header_test_lint_json = smslint_lint_json;
