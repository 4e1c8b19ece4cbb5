// --price-per-segment: a decimal price kept exact, and the cost of N
// segments as a decimal string.
#ifndef SMSLINT_CLI_BATCH_PRICE_H_
#define SMSLINT_CLI_BATCH_PRICE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smslint::cli {

// A decimal price as mantissa * 10^-scale, so the cost is exact.
struct Price {
  uint64_t mantissa = 0;
  int scale = 0;
};

// Digits with at most one '.', at most 18 significant digits; nullopt for
// anything else (signs, exponents, "", "1.").
std::optional<Price> ParsePrice(std::string_view s);

// mantissa * count at the price's scale, as a decimal string without
// trailing zeros ("9.7486", "12", "0").
std::string Multiply(const Price& p, uint64_t count);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_PRICE_H_
