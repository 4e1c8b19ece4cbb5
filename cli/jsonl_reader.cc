#include "jsonl_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <string>

namespace smslint::cli {
namespace {

using Json = nlohmann::json;

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
  Builder(ParsedLine& out, size_t line) : out_(out), line_(std::to_string(line)) {}

  void WrongType(const std::string& name, std::string_view expected,
                 const Json& actual) {
    out_.problems.push_back({"input/wrong-type",
                             {{"name", name},
                              {"line", line_},
                              {"expected", std::string(expected)},
                              {"actual", TypeName(actual)}}});
    out_.usable = false;
  }
  void Unknown(const std::string& name) {
    out_.problems.push_back(
        {"input/unknown-field", {{"name", name}, {"line", line_}}});
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

 private:
  ParsedLine& out_;
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

}  // namespace

ParsedLine ParseMessageLine(std::string_view line, size_t line_number) {
  ParsedLine out;
  const std::string ln = std::to_string(line_number);
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
    out.problems.push_back({"input/invalid-json",
                            {{"line", ln}, {"reason", "empty line"}, {"offset", "0"}}});
    out.usable = false;
    return out;
  }
  Json j;
  try {
    j = Json::parse(line);
  } catch (const Json::parse_error& e) {
    const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    out.problems.push_back({"input/invalid-json",
                            {{"line", ln},
                             {"reason", ParseReason(e.what())},
                             {"offset", std::to_string(offset)}}});
    out.usable = false;
    return out;
  } catch (const Json::exception& e) {
    // A number out of double's range (1e400) is out_of_range, not a
    // parse_error, and carries no position.
    out.problems.push_back({"input/invalid-json",
                            {{"line", ln},
                             {"reason", ParseReason(e.what())},
                             {"offset", "0"}}});
    out.usable = false;
    return out;
  }
  Builder b(out, line_number);
  if (!j.is_object()) {
    b.WrongType("(line)", "an object", j);
    return out;
  }
  Message& m = out.message;
  for (const auto& [key, value] : j.items()) {
    if (key == "id") {
      // Numeric ids are common in exports; keep their text.
      if (value.is_number_integer() || value.is_number_unsigned()) {
        m.id = value.dump();
      } else {
        b.String(value, key, m.id);
      }
    } else if (key == "to") {
      b.String(value, key, m.to);
    } else if (key == "from") {
      b.String(value, key, m.from);
    } else if (key == "messaging_service_id") {
      b.String(value, key, m.messaging_service_id);
    } else if (key == "region") {
      b.String(value, key, m.region);
    } else if (key == "body") {
      b.String(value, key, m.body);
    } else if (key == "brand") {
      b.String(value, key, m.brand);
    } else if (key == "owned_domains") {
      if (value.is_array() &&
          std::all_of(value.begin(), value.end(),
                      [](const Json& v) { return v.is_string(); })) {
        for (const Json& v : value) m.owned_domains.push_back(v.get<std::string>());
      } else if (!value.is_null()) {
        b.WrongType(key, "an array of strings", value);
      }
    } else if (key == "media") {
      b.Media(value);
    } else if (key == "kind") {
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
    } else if (key == "first_message") {
      if (value.is_boolean()) {
        m.first_message = value.get<bool>();
      } else if (!value.is_null()) {
        b.WrongType(key, "a boolean", value);
      }
    } else {
      b.Unknown(key);
    }
  }
  return out;
}

bool LineReader::Next(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  int c;
  // getc_unlocked: this reader is the only user of the stream.
  while ((c = getc_unlocked(in_)) != EOF) {
    any = true;
    if (c == '\n') break;
    if (line.size() < max_) {
      line.push_back(static_cast<char>(c));
    } else {
      too_long = true;
    }
  }
  if (c == EOF && std::ferror(in_)) error_ = true;
  if (!any) return false;
  if (!line.empty() && line.back() == '\r' && !too_long) line.pop_back();
  return true;
}

}  // namespace smslint::cli
