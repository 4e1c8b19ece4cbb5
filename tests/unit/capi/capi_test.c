/* The C ABI (smslint/smslint_c.h) used from C11: configuration, reports,
 * segment counts, errors, NULL and hostile inputs, and one linter shared by
 * several threads. Prints each failed check; exits 1 when any failed. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smslint/smslint_c.h"
#include "smslint/version.h"

static int failures = 0;

#define CHECK(cond)                                              \
  do {                                                           \
    if (!(cond)) {                                               \
      fprintf(stderr, "%s:%d: FAIL: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                \
    }                                                            \
  } while (0)

static int contains(const char* haystack, const char* needle) {
  return haystack != NULL && strstr(haystack, needle) != NULL;
}

/* smslint_lint_json on a NUL-terminated message; checks out_len. */
static char* lint(const smslint_linter* linter, const char* json) {
  size_t n = 12345;
  char* report = smslint_lint_json(linter, json, strlen(json), &n);
  CHECK(report != NULL);
  if (report != NULL) CHECK(n == strlen(report));
  return report;
}

static char* repeat(const char* unit, size_t times) {
  const size_t len = strlen(unit);
  char* s = malloc(len * times + 1);
  if (s == NULL) abort();
  for (size_t i = 0; i < times; ++i) memcpy(s + i * len, unit, len);
  s[len * times] = '\0';
  return s;
}

static void test_version(void) {
  CHECK(smslint_version() != NULL);
  CHECK(strcmp(smslint_version(), SMSLINT_VERSION) == 0);
}

static void test_config(void) {
  char* error = (char*)"not reset";
  smslint_linter* linter = smslint_linter_new(NULL, 99, &error);
  CHECK(linter != NULL);
  CHECK(error == NULL);
  smslint_linter_free(linter);

  /* An empty text is the defaults too; error may be NULL. */
  linter = smslint_linter_new("", 0, NULL);
  CHECK(linter != NULL);
  smslint_linter_free(linter);

  /* An unknown key: NULL and a message naming line and key. */
  const char* bad = "[lint]\nmax_segment = 2\n";
  error = NULL;
  linter = smslint_linter_new(bad, strlen(bad), &error);
  CHECK(linter == NULL);
  CHECK(contains(error, "<config>:2:"));
  CHECK(contains(error, "lint.max_segment"));
  CHECK(contains(error, "unknown key"));
  smslint_free(error);

  /* Out of range, and without an error pointer. */
  const char* range = "[lint]\nmax_segments = 0\n";
  error = NULL;
  CHECK(smslint_linter_new(range, strlen(range), &error) == NULL);
  CHECK(contains(error, "lint.max_segments"));
  smslint_free(error);
  CHECK(smslint_linter_new(range, strlen(range), NULL) == NULL);

  /* Only the first len bytes are read: the bad line is cut off. */
  const char* cut = "[lint]\nmax_segments = 3\nnonsense";
  linter = smslint_linter_new(cut, strlen(cut) - strlen("nonsense"), &error);
  CHECK(linter != NULL);
  CHECK(error == NULL);
  smslint_linter_free(linter);

  /* A TOML syntax error. */
  const char* syntax = "[lint\n";
  CHECK(smslint_linter_new(syntax, strlen(syntax), &error) == NULL);
  CHECK(contains(error, "<config>:1:"));
  smslint_free(error);

  /* Valid TOML the Linter itself rejects (the media root must exist). */
  const char* root = "[media]\nroot = \"/nonexistent/smslint-capi-test\"\n";
  error = NULL;
  CHECK(smslint_linter_new(root, strlen(root), &error) == NULL);
  CHECK(contains(error, "/nonexistent/smslint-capi-test"));
  smslint_free(error);
}

static void test_lint_json(void) {
  smslint_linter* defaults = smslint_linter_new(NULL, 0, NULL);
  const char* config = "[lint]\nmax_segments = 1\n";
  smslint_linter* strict = smslint_linter_new(config, strlen(config), NULL);
  CHECK(defaults != NULL && strict != NULL);
  if (defaults == NULL || strict == NULL) return;

  /* A good message: no findings, the report's shape. */
  char* r = lint(defaults,
                 "{\"id\":\"m1\",\"to\":\"+14155550132\",\"from\":\"+14155550100\","
                 "\"body\":\"Your code is 123456\"}");
  CHECK(strncmp(r, "{\"format_version\":1,\"id\":\"m1\",\"line\":null,", 42) == 0);
  CHECK(contains(r, "\"summary\":{\"errors\":0,\"warnings\":0"));
  CHECK(!contains(r, "\"severity\":\"error\""));
  CHECK(contains(r, "\"rule_id\":\"to/fixed-line-or-mobile\""));
  CHECK(contains(r, "\"e164\":\"+14155550132\""));
  CHECK(r[strlen(r) - 1] == '}');
  smslint_free(r);

  /* max_segments from the configuration: 161 GSM-7 characters are 2. */
  char* body = repeat("a", 161);
  char json[400];
  snprintf(json, sizeof json,
           "{\"to\":\"+14155550132\",\"from\":\"+14155550100\",\"body\":\"%s\"}", body);
  free(body);
  r = lint(strict, json);
  CHECK(contains(r, "\"rule_id\":\"segments/too-many-segments\""));
  CHECK(contains(r, "\"segment_count\":2"));
  smslint_free(r);
  r = lint(defaults, json);
  CHECK(!contains(r, "segments/too-many-segments"));
  CHECK(contains(r, "\"segment_count\":2"));
  smslint_free(r);

  /* Twilio's spellings give the report of smslint's own. */
  char* own = lint(defaults,
                   "{\"to\":\"+14155550132\",\"from\":\"+14155550100\","
                   "\"body\":\"it\xE2\x80\x99s on\"}");
  char* twilio = lint(defaults,
                      "{\"To\":\"+14155550132\",\"From\":\"+14155550100\","
                      "\"Body\":\"it\xE2\x80\x99s on\"}");
  CHECK(contains(twilio, "\"rule_id\":\"segments/forces-ucs2\""));
  CHECK(contains(twilio, "\"encoding\":\"UCS-2\""));
  CHECK(!contains(twilio, "input/unknown-field"));
  CHECK(own != NULL && twilio != NULL && strcmp(own, twilio) == 0);
  smslint_free(own);
  smslint_free(twilio);

  /* Not JSON: a report all the same, with input/invalid-json. */
  r = lint(defaults, "{\"to\": ");
  CHECK(contains(r, "\"rule_id\":\"input/invalid-json\""));
  CHECK(contains(r, "\"errors\":1"));
  smslint_free(r);

  /* Invalid UTF-8 inside a JSON string. */
  r = lint(defaults, "{\"body\":\"\xC3\x28\"}");
  CHECK(contains(r, "\"rule_id\":\"input/invalid-json\""));
  smslint_free(r);

  /* Only the first len bytes are read. */
  static const char trailing[] = "{\"body\":\"hi\"}XYZ";
  size_t n = 0;
  r = smslint_lint_json(defaults, trailing, strlen(trailing) - 3, &n);
  CHECK(r != NULL && !contains(r, "input/invalid-json") && n == strlen(r));
  smslint_free(r);
  r = smslint_lint_json(defaults, trailing, strlen(trailing), &n);
  CHECK(contains(r, "\"rule_id\":\"input/invalid-json\""));
  smslint_free(r);

  /* A NUL byte inside a string: read (len counts, not the terminator) and
   * refused, as JSON forbids raw control characters. */
  static const char with_nul[] = "{\"body\":\"h\0i\",\"to\":\"+14155550132\"}";
  r = smslint_lint_json(defaults, with_nul, sizeof with_nul - 1, &n);
  CHECK(contains(r, "\"rule_id\":\"input/invalid-json\""));
  smslint_free(r);

  /* A field of the wrong type; unknown fields. */
  r = lint(defaults, "{\"to\":5,\"body\":\"hi\"}");
  CHECK(contains(r, "\"rule_id\":\"input/wrong-type\""));
  smslint_free(r);
  r = lint(defaults, "{\"body\":\"hi\",\"colour\":\"red\"}");
  CHECK(contains(r, "\"rule_id\":\"input/unknown-field\""));
  smslint_free(r);

  /* NULL input reads as empty (invalid JSON); NULL out_len is allowed. */
  r = smslint_lint_json(defaults, NULL, 10, NULL);
  CHECK(contains(r, "\"rule_id\":\"input/invalid-json\""));
  smslint_free(r);

  /* A NULL linter: NULL, and out_len 0. */
  n = 7;
  CHECK(smslint_lint_json(NULL, "{}", 2, &n) == NULL);
  CHECK(n == 0);

  /* A large body (200k UCS-2 characters): a whole report, lists capped. */
  char* big_body = repeat("\xD0\xB6", 200000);
  char* big = malloc(strlen(big_body) + 64);
  if (big == NULL) abort();
  sprintf(big, "{\"to\":\"+14155550132\",\"body\":\"%s\"}", big_body);
  free(big_body);
  r = lint(defaults, big);
  CHECK(contains(r, "\"segment_count\":2986"));
  CHECK(contains(r, "\"rule_id\":\"body/too-long\""));
  CHECK(contains(r, "\"segments_omitted\":1986"));
  smslint_free(r);
  free(big);

  smslint_linter_free(strict);
  smslint_linter_free(defaults);
}

static void test_segment_count(void) {
  smslint_linter* linter = smslint_linter_new(NULL, 0, NULL);
  CHECK(linter != NULL);
  char* a160 = repeat("a", 160);
  char* a161 = repeat("a", 161);
  char* zhe70 = repeat("\xD0\xB6", 70); /* U+0436: UCS-2 */
  char* zhe71 = repeat("\xD0\xB6", 71);
  CHECK(smslint_segment_count(linter, a160, strlen(a160)) == 1);
  CHECK(smslint_segment_count(linter, a161, strlen(a161)) == 2);
  CHECK(smslint_segment_count(linter, a161, 160) == 1);
  CHECK(smslint_segment_count(linter, zhe70, strlen(zhe70)) == 1);
  CHECK(smslint_segment_count(linter, zhe71, strlen(zhe71)) == 2);
  /* 153 per segment when split; 67 for UCS-2. */
  char* a307 = repeat("a", 307);
  CHECK(smslint_segment_count(linter, a307, strlen(a307)) == 3);
  char* zhe135 = repeat("\xD0\xB6", 135);
  CHECK(smslint_segment_count(linter, zhe135, strlen(zhe135)) == 3);
  /* Empty and NULL bodies are one segment; invalid UTF-8 counts as U+FFFD,
   * which forces UCS-2. */
  CHECK(smslint_segment_count(linter, "", 0) == 1);
  CHECK(smslint_segment_count(linter, NULL, 5) == 1);
  char* bad = repeat("a", 70);
  bad[0] = (char)0xFF;
  CHECK(smslint_segment_count(linter, bad, strlen(bad)) == 1);
  char* bad71 = repeat("a", 71);
  bad71[0] = (char)0xFF;
  CHECK(smslint_segment_count(linter, bad71, strlen(bad71)) == 2);
  CHECK(smslint_segment_count(NULL, "hi", 2) == 0);
  free(a160);
  free(a161);
  free(zhe70);
  free(zhe71);
  free(a307);
  free(zhe135);
  free(bad);
  free(bad71);
  smslint_linter_free(linter);
}

/* Threads share one linter; each lints the same messages many times and
 * compares with the reports made on the main thread. */
enum { kThreads = 4, kRounds = 50, kMessages = 4 };
static const char* const kThreadMessages[kMessages] = {
    "{\"to\":\"+14155550132\",\"from\":\"+14155550100\",\"body\":\"Hi there\"}",
    "{\"To\":\"+447400123456\",\"From\":\"Acme\",\"Body\":\"it\xE2\x80\x99s FREE!!! "
    "Click https://bit.ly/x now\"}",
    "{\"to\":\"(415) 555-0132\",\"region\":\"US\",\"body\":\"\"}",
    "not json",
};
struct shared {
  const smslint_linter* linter;
  char* expected[kMessages];
  int mismatches;
};

static void* worker(void* arg) {
  struct shared* s = arg;
  int mismatches = 0;
  for (int round = 0; round < kRounds; ++round) {
    for (int i = 0; i < kMessages; ++i) {
      const char* m = kThreadMessages[i];
      char* r = smslint_lint_json(s->linter, m, strlen(m), NULL);
      if (r == NULL || strcmp(r, s->expected[i]) != 0) ++mismatches;
      smslint_free(r);
      if (smslint_segment_count(s->linter, m, strlen(m)) == 0) ++mismatches;
    }
  }
  return (void*)(intptr_t)mismatches;
}

static void test_threads(void) {
  const char* config = "[content]\nbrand = \"Acme\"\n";
  struct shared s;
  smslint_linter* linter = smslint_linter_new(config, strlen(config), NULL);
  CHECK(linter != NULL);
  if (linter == NULL) return;
  s.linter = linter;
  s.mismatches = 0;
  for (int i = 0; i < kMessages; ++i) {
    s.expected[i] = lint(linter, kThreadMessages[i]);
  }
  CHECK(contains(s.expected[1], "content/"));
  pthread_t threads[kThreads];
  for (int t = 0; t < kThreads; ++t) {
    CHECK(pthread_create(&threads[t], NULL, worker, &s) == 0);
  }
  for (int t = 0; t < kThreads; ++t) {
    void* result = NULL;
    CHECK(pthread_join(threads[t], &result) == 0);
    s.mismatches += (int)(intptr_t)result;
  }
  CHECK(s.mismatches == 0);
  for (int i = 0; i < kMessages; ++i) smslint_free(s.expected[i]);
  smslint_linter_free(linter);
}

int main(void) {
  smslint_free(NULL);
  smslint_linter_free(NULL);
  test_version();
  test_config();
  test_lint_json();
  test_segment_count();
  test_threads();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("C ABI: all checks passed\n");
  return 0;
}
