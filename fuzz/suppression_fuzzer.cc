// Fuzz target for the suppression-list loader (src/account/suppression_list.h)
// with the Linter's normaliser (libphonenumber through PhoneUtil, region
// from the first byte: US, GB or none).
//
// Invariants:
//  - LoadText never crashes or throws on any bytes;
//  - on failure the error names the list and a line ("fuzz.csv:N: ..."),
//    N within the input's lines, and the set finds nothing;
//  - on success the table has one entry per line, and in a list without
//    delimiters every line whose trimmed text the normaliser reads as a
//    number is found, at that line or an earlier one holding the same
//    number; the NANP shortcut agrees with libphonenumber.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "account/account_checks.h"
#include "account/suppression_list.h"
#include "fuzz_checks.h"
#include "numbers/phone_util.h"

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace smslint::internal;
  if (size == 0) return 0;
  const PhoneUtil& phones = PhoneUtil::Get();
  const char* regions[] = {"US", "GB", ""};
  const std::string region = regions[data[0] % 3];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const NumberNormalizer normalize = MakeNumberNormalizer(phones, region, true);
  SuppressionSet set;
  std::string error;
  const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) +
                       (text.empty() || text.back() == '\n' ? 0 : 1);
  if (!set.LoadText(text, "fuzz.csv", normalize, &error)) {
    FUZZ_CHECK_MSG(error.rfind("fuzz.csv:", 0) == 0, error);
    const size_t colon = error.find(':', 9);
    FUZZ_CHECK_MSG(colon != std::string::npos, error);
    const size_t line = std::stoul(error.substr(9, colon - 9));
    FUZZ_CHECK_MSG(line >= 1 && line <= std::max<size_t>(lines, 1), error);
    FUZZ_CHECK(set.numbers() == 0);
    FUZZ_CHECK(!set.Find(14155550123));
    return 0;
  }
  FUZZ_CHECK_MSG(set.lines() == lines, std::to_string(set.lines()) + " vs " + std::to_string(lines));
  FUZZ_CHECK(set.numbers() <= set.lines());
  const bool csv = text.find_first_of(",;\t") != std::string_view::npos;
  size_t start = 0;
  for (size_t line = 1; start < text.size(); ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view cell = Trim(text.substr(start, end - start));
    if (line == 1 && cell.substr(0, 3) == "\xEF\xBB\xBF") cell = Trim(cell.substr(3));
    start = end + 1;
    uint64_t key = 0;
    std::string why;
    if (IsPlainNanpE164(cell)) {
      const PhoneFacts f = phones.AnalyzeWithLibphonenumber(cell, region);
      FUZZ_CHECK_MSG(f.parse == ParseStatus::kOk && f.e164 == cell &&
                         f.possibility == Possibility::kPossible,
                     std::string(cell));
    }
    if (csv || cell.empty() || cell[0] == '#' || !normalize(cell, &key, &why) || key == 0) {
      continue;
    }
    const auto found = set.Find(key);
    FUZZ_CHECK_MSG(found && *found <= line, std::string(cell) + " at line " + std::to_string(line));
  }
  return 0;
}
