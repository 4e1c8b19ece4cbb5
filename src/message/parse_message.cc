// ParseMessage: one JSON object to a Message (docs/input.md), with
// nlohmann::json kept inside the library.
#include "smslint/parse.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "gen/rule_ids.h"
#include "message/flat_object.h"
#include "message/parse_general.h"

namespace smslint {

using internal::RuleName;
namespace rule = internal::rule;
namespace {

using Json = nlohmann::json;

// The fields of a message, whatever their spelling.
enum class Field {
  kId,
  kTo,
  kFrom,
  kMessagingService,
  kRegion,
  kBody,
  kBrand,
  kOwnedDomains,
  kMedia,
  kKind,
  kFirstMessage,
  kMediaUrls,
  kStatusCallback,
  kValidityPeriod,
  kSendAt,
  kScheduleType,
  kCount,
};

// Every accepted spelling: smslint's own, then Twilio's REST form,
// twilio-python's keywords and twilio-node's where they differ. The table
// in docs/input.md shows the same.
constexpr auto kSpellings = std::to_array<std::pair<std::string_view, Field>>({
    {"id", Field::kId},
    {"to", Field::kTo},
    {"To", Field::kTo},
    {"from", Field::kFrom},
    {"From", Field::kFrom},
    {"from_", Field::kFrom},
    {"messaging_service_id", Field::kMessagingService},
    {"MessagingServiceSid", Field::kMessagingService},
    {"messaging_service_sid", Field::kMessagingService},
    {"messagingServiceSid", Field::kMessagingService},
    {"region", Field::kRegion},
    {"body", Field::kBody},
    {"Body", Field::kBody},
    {"brand", Field::kBrand},
    {"owned_domains", Field::kOwnedDomains},
    {"media", Field::kMedia},
    {"kind", Field::kKind},
    {"first_message", Field::kFirstMessage},
    {"media_url", Field::kMediaUrls},
    {"MediaUrl", Field::kMediaUrls},
    {"mediaUrl", Field::kMediaUrls},
    {"status_callback", Field::kStatusCallback},
    {"StatusCallback", Field::kStatusCallback},
    {"statusCallback", Field::kStatusCallback},
    {"validity_period", Field::kValidityPeriod},
    {"ValidityPeriod", Field::kValidityPeriod},
    {"validityPeriod", Field::kValidityPeriod},
    {"send_at", Field::kSendAt},
    {"SendAt", Field::kSendAt},
    {"sendAt", Field::kSendAt},
    {"schedule_type", Field::kScheduleType},
    {"ScheduleType", Field::kScheduleType},
    {"scheduleType", Field::kScheduleType},
});

std::optional<Field> FindField(std::string_view key) {
  for (const auto& [name, field] : kSpellings) {
    if (name == key) return field;
  }
  return std::nullopt;
}

std::string TypeName(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "a number";
    case Json::value_t::string: {
      // A string of the wrong value (an unknown kind): show it.
      std::string v = j.get<std::string>();
      if (v.size() > 40) v = v.substr(0, 40) + "...";
      return Json(v).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    default: return "another type";
  }
}

class Builder {
 public:
  Builder(ParsedMessage& out, size_t line) : out_(out), line_(std::to_string(line)) {}

  void WrongType(const std::string& name, std::string_view expected,
                 const Json& actual) {
    out_.problems.push_back({std::string(RuleName(rule::kInputWrongType)),
                             {{"name", name},
                              {"line", line_},
                              {"expected", std::string(expected)},
                              {"actual", TypeName(actual)}}});
    out_.usable = false;
  }
  void Unknown(const std::string& name) {
    out_.problems.push_back(
        {std::string(RuleName(rule::kInputUnknownField)), {{"name", name}, {"line", line_}}});
  }
  void Duplicate(const std::string& name, std::string_view other) {
    out_.problems.push_back({std::string(RuleName(rule::kInputDuplicateField)),
                             {{"name", name},
                              {"other", std::string(other)},
                              {"line", line_}}});
    out_.usable = false;
  }
  // Copies a string field; null counts as absent.
  void String(const Json& v, const std::string& name, std::string& dst) {
    if (v.is_string()) {
      dst = v.get<std::string>();
    } else if (!v.is_null()) {
      WrongType(name, "a string", v);
    }
  }
  void Media(const Json& v) {
    if (v.is_null()) return;
    if (!v.is_array()) return WrongType("media", "an array", v);
    for (size_t i = 0; i < v.size(); ++i) {
      const std::string prefix = "media[" + std::to_string(i) + "]";
      const Json& item = v[i];
      if (!item.is_object()) {
        WrongType(prefix, "an object", item);
        continue;
      }
      smslint::Media m;
      for (const auto& [key, value] : item.items()) {
        const std::string name = prefix + "." + key;
        if (key == "content_type") {
          String(value, name, m.content_type);
        } else if (key == "size_bytes") {
          if (value.is_number_unsigned()) {
            m.size_bytes = value.get<uint64_t>();
          } else if (!value.is_null()) {
            WrongType(name, "a non-negative integer", value);
          }
        } else if (key == "path") {
          std::string path;
          String(value, name, path);
          if (value.is_string()) m.path = std::move(path);
        } else {
          Unknown(name);
        }
      }
      out_.message.media.push_back(std::move(m));
    }
  }
  // A string or an array of strings (Twilio's MediaUrl may repeat).
  void MediaUrls(const Json& v, const std::string& name) {
    if (v.is_string()) {
      out_.message.media_urls.push_back(v.get<std::string>());
    } else if (v.is_array() &&
               std::all_of(v.begin(), v.end(),
                           [](const Json& e) { return e.is_string(); })) {
      for (const Json& e : v) out_.message.media_urls.push_back(e.get<std::string>());
    } else {
      WrongType(name, "a string or an array of strings", v);
    }
  }
  // A JSON integer, or a string of decimal digits: the REST form is
  // form-encoded, so a request captured from it carries the number as text.
  void ValidityPeriod(const Json& v, const std::string& name) {
    constexpr std::string_view kExpected =
        "an integer or a string of decimal digits";
    if (v.is_number_integer() && !v.is_number_unsigned()) {
      out_.message.validity_period = v.get<int64_t>();
    } else if (v.is_number_unsigned()) {
      const uint64_t u = v.get<uint64_t>();
      if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        return WrongType(name, kExpected, v);
      }
      out_.message.validity_period = static_cast<int64_t>(u);
    } else if (v.is_string()) {
      const std::string& s = v.get_ref<const std::string&>();
      int64_t n = 0;
      bool ok = !s.empty() && s.size() <= 18;  // 18 digits always fit
      for (const char c : s) ok = ok && c >= '0' && c <= '9';
      if (!ok) return WrongType(name, kExpected, v);
      for (const char c : s) n = n * 10 + (c - '0');
      out_.message.validity_period = n;
    } else {
      WrongType(name, kExpected, v);
    }
  }

 private:
  ParsedMessage& out_;
  std::string line_;
};

// nlohmann's what() is "[json.exception.parse_error.101] parse error at
// line 1, column 5: <reason>"; keep the reason.
std::string ParseReason(const char* what) {
  std::string_view w(what);
  const size_t colon = w.find(": ");
  if (colon != std::string_view::npos) w.remove_prefix(colon + 2);
  return std::string(w);
}

constexpr size_t kMaxDepth = 64;

// The byte where `json` first nests deeper than kMaxDepth: '[' and '{'
// outside strings. Sax stops at that depth without knowing where it is;
// the prefix it read is valid JSON, so strings are tracked exactly.
size_t DepthExceededAt(std::string_view json) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return 0;
}

// Whether a number's text is an integer ("-"? digits).
bool IsIntegerText(std::string_view s) {
  if (s.starts_with('-')) s.remove_prefix(1);
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// nlohmann's DOM builder behind a SAX filter, so that parsing
//  - stops at kMaxDepth levels instead of building millions of arrays
//    (an unterminated 4 MB "[[[[..." line took 344 MB);
//  - finds keys given twice in one object (nlohmann keeps the last one
//    silently): input/duplicate-key, named by their path (media[0].path);
//  - keeps the text of an id that is an integer too large for 64 bits
//    (nlohmann reads it as a double): it becomes a string;
//  - says where a number out of double's range is.
// json_sax_dom_parser is nlohmann's own (detail) builder, the one
// Json::parse uses; it is not part of the public API, hence this comment.
class Sax {
 public:
  using Dom = nlohmann::detail::json_sax_dom_parser<Json>;

  explicit Sax(Json& root) : dom_(root, /*allow_exceptions=*/false) {}

  bool null() { return Value() && dom_.null(); }
  bool boolean(bool v) { return Value() && dom_.boolean(v); }
  bool number_integer(Json::number_integer_t v) {
    return Value() && dom_.number_integer(v);
  }
  bool number_unsigned(Json::number_unsigned_t v) {
    return Value() && dom_.number_unsigned(v);
  }
  bool number_float(Json::number_float_t v, const std::string& text) {
    if (frames_.size() == 1 && frames_[0].object && frames_[0].key == "id" &&
        IsIntegerText(text)) {
      std::string copy = text;
      return Value() && dom_.string(copy);
    }
    return Value() && dom_.number_float(v, text);
  }
  bool string(std::string& v) { return Value() && dom_.string(v); }
  bool binary(Json::binary_t& v) { return Value() && dom_.binary(v); }
  bool start_object(size_t n) { return Start(true) && dom_.start_object(n); }
  bool end_object() { return End() && dom_.end_object(); }
  bool start_array(size_t n) { return Start(false) && dom_.start_array(n); }
  bool end_array() { return End() && dom_.end_array(); }
  bool key(std::string& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second) {
      duplicates_.push_back(f.path.empty() ? k : f.path + "." + k);
    }
    return dom_.key(k);
  }
  template <class Exception>
  bool parse_error(size_t position, const std::string& last_token,
                   const Exception& e) {
    error_ = true;
    if (e.id == 406) {  // a number out of double's range: where it starts
      reason_ = "number out of range";
      offset_ = position >= last_token.size() ? position - last_token.size() : 0;
    } else {
      reason_ = ParseReason(e.what());
      offset_ = position > 0 ? position - 1 : 0;
    }
    return false;
  }

  bool too_deep() const { return too_deep_; }
  bool error() const { return error_; }
  const std::string& reason() const { return reason_; }
  size_t offset() const { return offset_; }
  const std::vector<std::string>& duplicates() const { return duplicates_; }

 private:
  struct Frame {
    bool object;
    std::string path;  // "" at the top, "media", "media[0]"
    std::string key;   // objects: the last key read
    size_t index = 0;  // arrays: the element being read
    std::unordered_set<std::string> keys;
  };

  // A value is complete: the next element of an enclosing array.
  bool Value() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    return true;
  }
  bool Start(bool object) {
    if (frames_.size() >= kMaxDepth) {
      too_deep_ = true;
      return false;
    }
    std::string path;
    if (!frames_.empty()) {
      const Frame& p = frames_.back();
      path = p.object ? (p.path.empty() ? p.key : p.path + "." + p.key)
                      : p.path + "[" + std::to_string(p.index) + "]";
    }
    frames_.push_back({object, std::move(path), "", 0, {}});
    return true;
  }
  bool End() {
    frames_.pop_back();
    return Value();
  }

  Dom dom_;
  std::vector<Frame> frames_;
  std::vector<std::string> duplicates_;
  bool too_deep_ = false;
  bool error_ = false;
  std::string reason_;
  size_t offset_ = 0;
};

void Decode(Field field, const std::string& key, const Json& value,
            Builder& b, Message& m) {
  switch (field) {
    case Field::kId:
      // Numeric ids are common in exports; keep their text. (An integer
      // too large for 64 bits arrives as a string: Sax keeps its text.)
      if (value.is_number_integer() || value.is_number_unsigned()) {
        m.id = value.dump();
      } else if (value.is_string() || value.is_null()) {
        b.String(value, key, m.id);
      } else {
        b.WrongType(key, "a string or an integer", value);
      }
      break;
    case Field::kTo: b.String(value, key, m.to); break;
    case Field::kFrom: b.String(value, key, m.from); break;
    case Field::kMessagingService:
      b.String(value, key, m.messaging_service_id);
      break;
    case Field::kRegion: b.String(value, key, m.region); break;
    case Field::kBody: b.String(value, key, m.body); break;
    case Field::kBrand: b.String(value, key, m.brand); break;
    case Field::kOwnedDomains:
      if (value.is_array() &&
          std::all_of(value.begin(), value.end(),
                      [](const Json& v) { return v.is_string(); })) {
        for (const Json& v : value) m.owned_domains.push_back(v.get<std::string>());
      } else {
        b.WrongType(key, "an array of strings", value);
      }
      break;
    case Field::kMedia: b.Media(value); break;
    case Field::kKind: {
      std::string kind;
      b.String(value, key, kind);
      if (!kind.empty()) {
        if (const auto k = ParseMessageKind(kind)) {
          m.kind = *k;
        } else {
          b.WrongType(key,
                      "one of \"marketing\", \"transactional\", \"otp\", "
                      "\"conversational\", \"informational\"",
                      value);
        }
      }
      break;
    }
    case Field::kFirstMessage:
      if (value.is_boolean()) {
        m.first_message = value.get<bool>();
      } else {
        b.WrongType(key, "a boolean", value);
      }
      break;
    case Field::kMediaUrls: b.MediaUrls(value, key); break;
    case Field::kStatusCallback: b.String(value, key, m.status_callback); break;
    case Field::kValidityPeriod: b.ValidityPeriod(value, key); break;
    case Field::kSendAt: b.String(value, key, m.send_at); break;
    case Field::kScheduleType: b.String(value, key, m.schedule_type); break;
    case Field::kCount: break;
  }
}

// The members of an object, in key order (nlohmann::json's object is a
// std::map, so which of two spellings is "first" does not depend on their
// order in the input), into the message.
template <typename Members>
void DecodeMembers(const Members& members, Builder& b, ParsedMessage& out) {
  // The spelling each field was first given under.
  std::array<std::string, static_cast<size_t>(Field::kCount)> given;
  for (const auto& [key, value] : members) {
    const std::optional<Field> field = FindField(key);
    if (!field) {
      b.Unknown(key);
      continue;
    }
    // null is the same as leaving the field out, also for duplicates.
    if (value.is_null()) continue;
    std::string& first = given[static_cast<size_t>(*field)];
    if (!first.empty()) {
      b.Duplicate(key, first);
      continue;
    }
    first = key;
    Decode(*field, key, value, b, out.message);
  }
}

// The usual line (a flat object of strings, booleans and nulls) without
// nlohmann's lexer (message/flat_object.h); the same result as below.
bool ParseFlat(std::string_view json, size_t line_number, ParsedMessage& out) {
  auto flat = internal::ReadFlatObject(json);
  if (!flat) return false;
  std::vector<std::pair<std::string, Json>> members;
  members.reserve(flat->size());
  for (auto& [key, v] : *flat) {
    switch (v.kind) {
      case internal::FlatValue::Kind::kString:
        members.emplace_back(std::move(key), Json(std::move(v.text)));
        break;
      case internal::FlatValue::Kind::kTrue: members.emplace_back(std::move(key), Json(true)); break;
      case internal::FlatValue::Kind::kFalse: members.emplace_back(std::move(key), Json(false)); break;
      case internal::FlatValue::Kind::kNull: members.emplace_back(std::move(key), Json(nullptr)); break;
    }
  }
  std::sort(members.begin(), members.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  Builder b(out, line_number);
  DecodeMembers(members, b, out);
  return true;
}

ParsedMessage ParseAny(std::string_view json, size_t line_number, bool fast) {
  ParsedMessage out;
  const std::string ln = std::to_string(line_number);
  if (json.find_first_not_of(" \t\r") == std::string_view::npos) {
    out.problems.push_back({std::string(RuleName(rule::kInputInvalidJson)),
                            {{"line", ln}, {"reason", "empty line"}, {"offset", "0"}}});
    out.usable = false;
    return out;
  }
  Json j;
  Sax sax(j);
  auto invalid = [&](std::string reason, size_t offset) {
    out.problems.push_back({std::string(RuleName(rule::kInputInvalidJson)),
                            {{"line", ln},
                             {"reason", std::move(reason)},
                             {"offset", std::to_string(offset)}}});
    out.usable = false;
    return out;
  };
  // nlohmann's lexer takes a NUL byte for the end of input, so
  // `{"body":"hi"}\0garbage` would parse; raw NUL is never valid JSON.
  if (const size_t nul = json.find('\0'); nul != std::string_view::npos) {
    return invalid("NUL byte in the input", nul);
  }
  if (fast && ParseFlat(json, line_number, out)) return out;
  try {
    Json::sax_parse(json.begin(), json.end(), &sax);
  } catch (const Json::exception& e) {
    return invalid(ParseReason(e.what()), 0);  // not expected: a safety net
  }
  if (sax.too_deep()) {
    return invalid("nesting deeper than " + std::to_string(kMaxDepth),
                   DepthExceededAt(json));
  }
  if (sax.error()) return invalid(sax.reason(), sax.offset());
  for (const std::string& name : sax.duplicates()) {
    out.problems.push_back(
        {std::string(RuleName(rule::kInputDuplicateKey)), {{"name", name}, {"line", ln}}});
  }
  Builder b(out, line_number);
  if (!j.is_object()) {
    b.WrongType("(line)", "an object", j);
    return out;
  }
  std::vector<std::pair<std::string, const Json&>> members;
  members.reserve(j.size());
  for (const auto& [key, value] : j.items()) members.emplace_back(key, value);
  DecodeMembers(members, b, out);
  return out;
}

}  // namespace

namespace internal {

ParsedMessage ParseMessageGeneral(std::string_view json, size_t line_number) {
  return ParseAny(json, line_number, /*fast=*/false);
}

}  // namespace internal

ParsedMessage ParseMessage(std::string_view json, size_t line_number) {
  return ParseAny(json, line_number, /*fast=*/true);
}

}  // namespace smslint
