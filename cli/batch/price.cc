#include "batch/price.h"

namespace smslint::cli {

std::optional<Price> ParsePrice(std::string_view s) {
  Price p;
  bool dot = false, digit = false;
  int digits = 0;
  for (char c : s) {
    if (c == '.' && !dot) { dot = true; continue; }
    if (c < '0' || c > '9') return std::nullopt;
    digit = true;
    if (p.mantissa == 0 && c == '0' && !dot) continue;
    if (++digits > 18) return std::nullopt;
    p.mantissa = p.mantissa * 10 + static_cast<uint64_t>(c - '0');
    if (dot) ++p.scale;
  }
  if (!digit || s.back() == '.') return std::nullopt;
  return p;
}

__extension__ typedef unsigned __int128 Uint128;

std::string Multiply(const Price& p, uint64_t count) {
  Uint128 v = static_cast<Uint128>(p.mantissa) * count;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  while (static_cast<int>(digits.size()) <= p.scale) digits.insert(digits.begin(), '0');
  std::string out = digits.substr(0, digits.size() - p.scale);
  std::string frac = digits.substr(digits.size() - p.scale);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (!frac.empty()) out += "." + frac;
  return out;
}

}  // namespace smslint::cli
