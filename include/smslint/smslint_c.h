/* File: smslint/smslint_c.h
 *
 * The C ABI of libsmslint (C11; also includable from C++). Every function
 * here is a thin wrapper over smslint::Linter: one message as JSON in
 * (docs/input.md, smslint's or Twilio's field names), the JSON report out
 * (docs/report.schema.json). docs/c_api.md documents each function.
 *
 *   const char* config = "[lint]\nmax_segments = 2\n";
 *   char* error = NULL;
 *   smslint_linter* linter = smslint_linter_new(config, strlen(config), &error);
 *   if (linter == NULL) { fprintf(stderr, "%s\n", error); smslint_free(error); }
 *   const char* msg = "{\"To\":\"+14155550132\",\"From\":\"+14155550100\",\"Body\":\"Hi\"}";
 *   size_t n = 0;
 *   char* report = smslint_lint_json(linter, msg, strlen(msg), &n);
 *   ...
 *   smslint_free(report);
 *   smslint_linter_free(linter);
 *
 * Ownership: every char* a function returns is the caller's, to release with
 * smslint_free; const char* results are static. Inputs are (pointer, length)
 * pairs, not NUL-terminated; a NULL pointer is read as the empty string,
 * whatever the length. Nothing here throws, aborts or keeps a pointer the
 * caller passed in.
 *
 * Thread safety: a smslint_linter is immutable; any number of threads may
 * call smslint_lint_json and smslint_segment_count on one linter at once.
 * Only smslint_linter_free must not race with them.
 */
#ifndef SMSLINT_SMSLINT_C_H_
#define SMSLINT_SMSLINT_C_H_

#include <stddef.h>
#include <stdint.h>

#include "smslint/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A configured linter (smslint::Linter). Opaque. */
typedef struct smslint_linter smslint_linter;

/* A linter configured by `toml` (`len` bytes): the TOML of docs/config.md,
 * the same as `smslint check --config FILE` reads. NULL (or "") means the
 * defaults. On failure returns NULL and, when `error` is not NULL, sets
 * *error to a message the caller frees with smslint_free, such as
 * "<config>:2:1: lint.max_segment: unknown key"; *error is set to NULL on
 * success. A relative [media] root is relative to the working directory. */
SMSLINT_API smslint_linter* smslint_linter_new(const char* toml, size_t len,
                                               char** error);

/* Releases a linter (NULL is allowed). */
SMSLINT_API void smslint_linter_free(smslint_linter* linter);

/* The JSON report of one message written as a JSON object (`len` bytes,
 * UTF-8, no line terminator): the object `smslint check --format jsonl`
 * writes for a file holding that one line, except that "line" is null and
 * there is no trailing newline. Input that is not a usable message (not
 * JSON, invalid UTF-8, a wrong type) still gets a report, with
 * input/... diagnostics. NUL-terminated; when `out_len` is not NULL,
 * *out_len is its length without the NUL. Returns NULL only when `linter`
 * is NULL or memory runs out (then *out_len is 0). Free with smslint_free. */
SMSLINT_API char* smslint_lint_json(const smslint_linter* linter,
                                    const char* json, size_t len,
                                    size_t* out_len);

/* How many SMS segments the UTF-8 `body` (`len` bytes) takes, as Twilio's
 * calculator counts them (at least 1: the empty body is one segment;
 * invalid UTF-8 counts as U+FFFD). 0 only when `linter` is NULL or memory
 * runs out. */
SMSLINT_API uint32_t smslint_segment_count(const smslint_linter* linter,
                                           const char* body, size_t len);

/* The library's version, e.g. "0.1.0" (SMSLINT_VERSION of smslint/version.h).
 * Static; do not free. */
SMSLINT_API const char* smslint_version(void);

/* Releases a string this API returned (NULL is allowed). */
SMSLINT_API void smslint_free(void* p);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* SMSLINT_SMSLINT_C_H_ */
