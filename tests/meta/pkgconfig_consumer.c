/* A C11 program built only with `pkg-config --cflags --libs smslint`
 * (tests/meta/check_pkgconfig.sh). It is a filter: it reads a TOML
 * configuration from the file argv[1], then JSON messages, one per line, on
 * standard input, and writes smslint_lint_json's report for each, one per
 * line, so the script can compare the C ABI with `smslint check`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <smslint/smslint_c.h>

static char* read_all(FILE* f, size_t* len) {
  size_t cap = 4096;
  char* buf = malloc(cap);
  *len = 0;
  size_t n;
  while (buf != NULL && (n = fread(buf + *len, 1, cap - *len, f)) > 0) {
    *len += n;
    if (*len == cap) buf = realloc(buf, cap *= 2);
  }
  return buf;
}

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  FILE* config_file = fopen(argv[1], "rb");
  if (config_file == NULL) return 2;
  size_t config_len = 0;
  char* config = read_all(config_file, &config_len);
  fclose(config_file);
  char* error = NULL;
  smslint_linter* linter = smslint_linter_new(config, config_len, &error);
  free(config);
  if (linter == NULL) {
    fprintf(stderr, "smslint_linter_new: %s\n", error);
    smslint_free(error);
    return 1;
  }
  size_t input_len = 0;
  char* input = read_all(stdin, &input_len);
  if (input == NULL) return 2;
  int status = 0;
  for (size_t start = 0; start < input_len;) {
    const char* nl = memchr(input + start, '\n', input_len - start);
    const size_t end = nl != NULL ? (size_t)(nl - input) : input_len;
    size_t out_len = 0;
    char* report = smslint_lint_json(linter, input + start, end - start, &out_len);
    if (report == NULL || out_len != strlen(report)) status = 1;
    if (report != NULL) printf("%s\n", report);
    smslint_free(report);
    start = end + 1;
  }
  free(input);
  smslint_linter_free(linter);
  return status;
}
