// Lookups over the generated GSM-7 and Smart Encoding tables (src/gen/,
// written by tools/gen_tables.py from data/).
#ifndef SMSLINT_SRC_SEGMENTS_GSM_TABLES_H_
#define SMSLINT_SRC_SEGMENTS_GSM_TABLES_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace smslint::internal {

struct Gsm7Entry {
  char32_t cp;
  uint8_t septets;  // 1 basic, 2 extension (ESC + code)
  uint8_t code;
};

struct SmartEntry {
  char32_t cp;
  std::string_view replacement;
};

#include "gen/gsm7_table.inc"
#include "gen/smart_encoding.inc"

// Every GSM-7 code point is below U+0400 except the euro sign.
inline constexpr char32_t kGsm7DenseLimit = 0x400;
inline constexpr char32_t kEuroSign = 0x20AC;

inline constexpr std::array<uint8_t, kGsm7DenseLimit> kGsm7Dense = [] {
  std::array<uint8_t, kGsm7DenseLimit> t{};
  for (const Gsm7Entry& e : kGsm7Table) {
    if (e.cp < kGsm7DenseLimit) t[e.cp] = e.septets;
  }
  return t;
}();

// Septets the code point costs in GSM-7 (1 or 2), or 0 when it is not in
// the GSM-7 alphabet.
inline uint8_t Gsm7Septets(char32_t cp) {
  if (cp < kGsm7DenseLimit) return kGsm7Dense[cp];
  return cp == kEuroSign ? 2 : 0;
}

// The Smart Encoding replacement of cp, if it has one.
inline std::optional<std::string_view> SmartReplacement(char32_t cp) {
  size_t lo = 0, hi = std::size(kSmartTable);
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (kSmartTable[mid].cp < cp) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < std::size(kSmartTable) && kSmartTable[lo].cp == cp) {
    return kSmartTable[lo].replacement;
  }
  return std::nullopt;
}

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_SEGMENTS_GSM_TABLES_H_
