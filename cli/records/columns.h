// The message fields a CSV column can hold, and how header names map to
// them: --column KEY=HEADER first, then detection by known aliases.
#ifndef SMSLINT_CLI_RECORDS_COLUMNS_H_
#define SMSLINT_CLI_RECORDS_COLUMNS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smslint::cli {

enum Key {
  kTo, kFrom, kBody, kKind, kId, kCountry, kMediaType, kMediaSize,
  kMediaPath, kFirstMessage, kBrand, kMediaUrl, kStatusCallback, kNumKeys
};
inline constexpr std::string_view kKeyNames[kNumKeys] = {
    "to", "from", "body", "kind", "id", "country", "media_type",
    "media_size", "media_path", "first_message", "brand", "media_url",
    "status_callback"};

// A media_url cell holds several URLs separated by whitespace or "|" (a
// comma can be part of a URL); empty pieces are dropped.
std::vector<std::string> SplitMediaUrls(std::string_view cell);

std::optional<Key> ParseKey(std::string_view name);

// Header names for detection: ASCII lower case, trimmed, without spaces,
// underscores, dashes and invisible characters (DropInvisibles: a BOM or
// a zero-width space) ("Phone Number" -> "phonenumber").
std::string Normalise(std::string_view s);

// The header names (normalised) detection looks for, for `k`, in order.
const std::vector<std::string_view>& AliasesOf(Key k);

// One --column KEY=HEADER. On error, nullopt and *error is the message
// (without "smslint: ").
std::optional<std::pair<Key, std::string>> ParseColumnSpec(
    std::string_view spec, std::string* error);

// The column of each key in `header` (-1: none): the explicit ones, then
// detection for the others (not the body when a template gives it). On an
// explicit header that is missing, false with *missing set to its index in
// `explicit_cols`.
bool BindColumns(const std::vector<std::string>& header,
                 const std::vector<std::pair<Key, std::string>>& explicit_cols,
                 bool body_from_template, int (&col)[kNumKeys],
                 size_t* missing);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_RECORDS_COLUMNS_H_
