#include "records/columns.h"

#include "ascii.h"
#include "message_template.h"

namespace smslint::cli {
namespace {

// Detection aliases, already normalised (Normalise).
const std::vector<std::vector<std::string_view>> kAliases = {
    {"to", "phone", "phonenumber", "mobile", "mobilenumber", "cell", "number",
     "msisdn", "recipient", "tel"},
    {"from", "sender", "senderid"},
    {"body", "message", "text", "sms"},
    {"kind", "type"},
    {"id", "contactid", "customerid"},
    {"country", "countrycode", "region"},
    {"mediatype", "contenttype", "mediacontenttype"},
    {"mediasize", "mediasizebytes"},
    {"mediapath", "media"},
    {"firstmessage", "first"},
    {"brand"},
    {"mediaurl", "mediaurls", "imageurl"},
    {"statuscallback", "statuscallbackurl", "callbackurl"},
};

}  // namespace

const std::vector<std::string_view>& AliasesOf(Key k) { return kAliases[k]; }

std::optional<Key> ParseKey(std::string_view name) {
  for (int k = 0; k < kNumKeys; ++k) {
    if (kKeyNames[k] == name) return static_cast<Key>(k);
  }
  return std::nullopt;
}

std::vector<std::string> SplitMediaUrls(std::string_view cell) {
  std::vector<std::string> urls;
  size_t start = 0;
  for (size_t i = 0; i <= cell.size(); ++i) {
    const bool sep = i == cell.size() || cell[i] == '|' || cell[i] == ' ' ||
                     cell[i] == '\t' || cell[i] == '\n' || cell[i] == '\r';
    if (!sep) continue;
    if (i > start) urls.emplace_back(cell.substr(start, i - start));
    start = i + 1;
  }
  return urls;
}

std::string Normalise(std::string_view s) {
  std::string out;
  const std::string visible = DropInvisibles(s);
  for (char c : Trim(visible)) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    out.push_back(base::ToLowerAscii(c));
  }
  return out;
}

std::optional<std::pair<Key, std::string>> ParseColumnSpec(
    std::string_view spec_view, std::string* error) {
  const std::string spec(spec_view);
  const size_t eq = spec.find('=');
  const std::string key = Lower(Trim(spec.substr(0, eq)));
  const auto k = ParseKey(key);
  if (!k) {
    *error = "--column " + spec + ": unknown key \"" + key +
             "\" (expected one of to, from, body, kind, id, country, "
             "media_type, media_size, media_path, first_message, brand, "
             "media_url, status_callback)";
    return std::nullopt;
  }
  const std::string header =
      eq == std::string::npos ? "" : std::string(Trim(spec.substr(eq + 1)));
  if (header.empty()) {
    *error = "--column " + spec + ": no header given for \"" + key +
             "\" (write " + key + "=HEADER)";
    return std::nullopt;
  }
  return std::make_pair(*k, header);
}

bool BindColumns(const std::vector<std::string>& header,
                 const std::vector<std::pair<Key, std::string>>& explicit_cols,
                 bool body_from_template, int (&col)[kNumKeys],
                 size_t* missing) {
  for (int& c : col) c = -1;
  for (size_t e = 0; e < explicit_cols.size(); ++e) {
    const auto& [k, h] = explicit_cols[e];
    int found = -1;
    for (size_t i = 0; i < header.size(); ++i) {
      if (MessageTemplate::SameName(header[i], h)) {
        found = static_cast<int>(i);
        break;
      }
    }
    if (found < 0) {
      *missing = e;
      return false;
    }
    col[k] = found;
  }
  for (int k = 0; k < kNumKeys; ++k) {
    bool given = false;
    for (const auto& [ek, h] : explicit_cols) given |= ek == k;
    if (given) continue;
    if (k == kBody && body_from_template) continue;
    for (std::string_view alias : kAliases[k]) {
      for (size_t i = 0; i < header.size() && col[k] < 0; ++i) {
        if (Normalise(header[i]) == alias) col[k] = static_cast<int>(i);
      }
      if (col[k] >= 0) break;
    }
  }
  return true;
}

}  // namespace smslint::cli
