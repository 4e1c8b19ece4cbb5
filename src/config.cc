// TOML configuration (docs/config.md), read with tomlplusplus. Strict: an
// unknown key is an error, so a typo never silently does nothing.
// Debian's libtomlplusplus is built with exceptions: a syntax error is a
// toml::parse_error, caught here; nothing escapes the public functions.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <toml++/toml.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>

#include "base/iso_time.h"
#include "smslint/config.h"
#include "smslint/rules.h"

namespace smslint {
namespace {

struct Loader {
  std::string file;
  ConfigError* error;
  // Where a relative [media] root is resolved: the configuration file's
  // folder ("" for text, which keeps it relative to the working directory).
  std::string base_dir;

  bool Fail(const toml::node* node, std::string key, std::string message) {
    error->file = file;
    error->key = std::move(key);
    error->message = std::move(message);
    if (node != nullptr) {
      error->line = static_cast<int>(node->source().begin.line);
      error->column = static_cast<int>(node->source().begin.column);
    }
    return false;
  }

  // A rule id or an area (a prefix of some rule id up to '/').
  static bool KnownSelector(std::string_view s) {
    if (FindRule(s) != nullptr) return true;
    std::string area(s);
    if (area.empty()) return false;
    if (area.back() != '/') area.push_back('/');
    for (const RuleInfo& r : AllRules()) {
      if (r.id.starts_with(area)) return true;
    }
    return false;
  }

  // A table keyed by rule ids or areas ([lint.severity], [content.weights]):
  // checks each key is one, then hands the entry to `entry`.
  template <typename Entry>
  bool RuleTable(const toml::node& node, const std::string& key, Entry&& entry) {
    const toml::table* t = node.as_table();
    if (t == nullptr) return Fail(&node, key, "must be a table of rule ids");
    for (const auto& [rule, value] : *t) {
      const std::string rkey = key + "." + std::string(rule.str());
      if (!KnownSelector(rule.str())) return Fail(&value, rkey, "unknown rule id or area");
      if (!entry(std::string(rule.str()), value, rkey)) return false;
    }
    return true;
  }

  bool UInt(const toml::node& node, const std::string& key, uint32_t min,
            uint32_t* out) {
    // Only ask an integer node for its value: toml++ converts a float with
    // a cast that is undefined behaviour out of int64's range (9.3e19).
    if (!node.is_integer()) return Fail(&node, key, "must be an integer");
    const std::optional<int64_t> v = node.value<int64_t>();
    if (!v) return Fail(&node, key, "must be an integer");
    if (*v < min || *v > 1'000'000) {
      return Fail(&node, key,
                  "must be between " + std::to_string(min) + " and 1000000");
    }
    *out = static_cast<uint32_t>(*v);
    return true;
  }

  bool Lint(const toml::table& lint, Options& o) {
    for (const auto& [k, node] : lint) {
      const std::string key = "lint." + std::string(k.str());
      if (k == "max_segments") {
        if (!UInt(node, key, 1, &o.max_segments)) return false;
      } else if (k == "max_body_characters") {
        if (!UInt(node, key, 1, &o.max_body_characters)) return false;
      } else if (k == "warm_up_numbers") {
        if (!node.is_boolean()) return Fail(&node, key, "must be true or false");
        o.warm_up_numbers = *node.value<bool>();
      } else if (k == "suggest_smart_encoding") {
        if (!node.is_boolean()) return Fail(&node, key, "must be true or false");
        o.suggest_smart_encoding = *node.value<bool>();
      } else if (k == "now") {
        // For reproducible runs (tests, the C ABI and the bindings, which
        // have no --now): a fixed "now" in a long-lived file would age.
        if (!node.is_string()) {
          return Fail(&node, key, "must be an ISO 8601 timestamp string with a zone");
        }
        const base::IsoTime t = base::ParseIsoTime(*node.value<std::string>());
        if (!t.unix_seconds) return Fail(&node, key, t.error);
        o.now_unix_seconds = t.unix_seconds;
      } else if (k == "default_region") {
        if (!node.is_string()) return Fail(&node, key, "must be a string");
        o.default_region = *node.value<std::string>();
      } else if (k == "disable") {
        const toml::array* arr = node.as_array();
        if (arr == nullptr) return Fail(&node, key, "must be an array of rule ids");
        std::vector<std::string> ids;
        for (const toml::node& item : *arr) {
          if (!item.is_string()) return Fail(&item, key, "must hold strings");
          const std::string id = *item.value<std::string>();
          if (!KnownSelector(id)) {
            return Fail(&item, key, "unknown rule id or area \"" + id + "\"");
          }
          ids.push_back(id);
        }
        o.disabled_rules.insert(o.disabled_rules.end(), ids.begin(), ids.end());
      } else if (k == "severity") {
        const bool ok = RuleTable(node, key, [&](const std::string& rule,
                                                 const toml::node& value,
                                                 const std::string& rkey) {
          const std::optional<std::string> s = value.value<std::string>();
          const std::optional<Severity> sev = s ? ParseSeverity(*s) : std::nullopt;
          if (!value.is_string() || !sev) {
            return Fail(&value, rkey, "must be \"error\", \"warning\" or \"info\"");
          }
          o.severity_overrides.push_back({rule, *sev});
          return true;
        });
        if (!ok) return false;
      } else {
        return Fail(&node, key, "unknown key");
      }
    }
    return true;
  }

  bool Number(const toml::node& node, const std::string& key, double* out,
              double limit) {
    const std::optional<double> v = node.value<double>();
    if ((!node.is_floating_point() && !node.is_integer()) || !v ||
        !std::isfinite(*v)) {
      return Fail(&node, key, "must be a number");
    }
    if (std::abs(*v) > limit) {
      return Fail(&node, key, "must be between -" + std::to_string(static_cast<int>(limit)) +
                                  " and " + std::to_string(static_cast<int>(limit)));
    }
    *out = *v;
    return true;
  }

  bool Strings(const toml::node& node, const std::string& key,
               std::vector<std::string>* out) {
    const toml::array* arr = node.as_array();
    if (arr == nullptr) return Fail(&node, key, "must be an array of strings");
    for (const toml::node& item : *arr) {
      if (!item.is_string()) return Fail(&item, key, "must hold strings");
      const std::string s = *item.value<std::string>();
      if (s.empty()) return Fail(&item, key, "must not hold an empty string");
      out->push_back(s);
    }
    return true;
  }

  // [content]: brand, owned_domains, extra_shorteners, elevated_threshold,
  // high_threshold, [content.weights].
  bool Content(const toml::table& content, Options& o) {
    for (const auto& [k, node] : content) {
      const std::string key = "content." + std::string(k.str());
      if (k == "brand") {
        if (!node.is_string()) return Fail(&node, key, "must be a string");
        o.brand = *node.value<std::string>();
      } else if (k == "owned_domains") {
        if (!Strings(node, key, &o.owned_domains)) return false;
      } else if (k == "extra_shorteners") {
        if (!Strings(node, key, &o.extra_shorteners)) return false;
      } else if (k == "elevated_threshold") {
        if (!Number(node, key, &o.elevated_threshold, 1e6)) return false;
      } else if (k == "high_threshold") {
        if (!Number(node, key, &o.high_threshold, 1e6)) return false;
      } else if (k == "weights") {
        const bool ok = RuleTable(node, key, [&](const std::string& rule,
                                                 const toml::node& value,
                                                 const std::string& rkey) {
          if (!rule.starts_with("content")) {
            return Fail(&value, rkey, "only content rules have weights");
          }
          double w = 0;
          if (!Number(value, rkey, &w, 1000)) return false;
          o.weights.push_back({rule, w});
          return true;
        });
        if (!ok) return false;
      } else {
        return Fail(&node, key, "unknown key");
      }
    }
    if (o.elevated_threshold > o.high_threshold) {
      return Fail(&content, "content.elevated_threshold",
                  "must not be greater than content.high_threshold");
    }
    return true;
  }

  // [media]: root.
  bool Media(const toml::table& media, Options& o) {
    for (const auto& [k, node] : media) {
      const std::string key = "media." + std::string(k.str());
      if (k == "root") {
        if (!node.is_string()) return Fail(&node, key, "must be a string");
        std::string root = *node.value<std::string>();
        if (root.empty()) return Fail(&node, key, "must not be empty");
        if (!base_dir.empty() && root.front() != '/') root = base_dir + "/" + root;
        o.media_root = std::move(root);
      } else {
        return Fail(&node, key, "unknown key");
      }
    }
    return true;
  }

  bool Bool(const toml::node& node, const std::string& key, bool* out) {
    if (!node.is_boolean()) return Fail(&node, key, "must be true or false");
    *out = *node.value<bool>();
    return true;
  }

  bool String(const toml::node& node, const std::string& key, std::string* out) {
    if (!node.is_string()) return Fail(&node, key, "must be a string");
    *out = *node.value<std::string>();
    if (out->empty()) return Fail(&node, key, "must not be empty");
    return true;
  }

  // A path from the file: relative to the file's folder.
  std::string Path(std::string path) const {
    if (!base_dir.empty() && path.front() != '/') path = base_dir + "/" + path;
    return path;
  }

  // suppression_list: "path", or an array of "path" and
  // { path = "...", scope = "..." } items.
  bool SuppressionLists(const toml::node& node, const std::string& key,
                        std::vector<SuppressionList>* out) {
    auto one = [&](const toml::node& item) {
      SuppressionList list;
      if (item.is_string()) {
        if (!String(item, key, &list.path)) return false;
      } else if (const toml::table* t = item.as_table()) {
        for (const auto& [k, v] : *t) {
          const std::string ikey = key + "." + std::string(k.str());
          if (k == "path") {
            if (!String(v, ikey, &list.path)) return false;
          } else if (k == "scope") {
            if (!String(v, ikey, &list.scope)) return false;
          } else {
            return Fail(&v, ikey, "unknown key");
          }
        }
        if (list.path.empty()) return Fail(&item, key + ".path", "is required");
      } else {
        return Fail(&item, key, "must be a path or { path = \"...\", scope = \"...\" }");
      }
      list.path = Path(list.path);
      out->push_back(std::move(list));
      return true;
    };
    if (const toml::array* arr = node.as_array()) {
      for (const toml::node& item : *arr) {
        if (!one(item)) return false;
      }
      return true;
    }
    return one(node);
  }

  bool Sender(const toml::node& node, const std::string& key, AccountSender* s) {
    const toml::table* t = node.as_table();
    if (t == nullptr) return Fail(&node, key, "must be a table ([[account.senders]])");
    std::string kind, status;
    const toml::node* status_node = nullptr;
    for (const auto& [k, v] : *t) {
      const std::string ikey = key + "." + std::string(k.str());
      if (k == "number") {
        if (!String(v, ikey, &s->number)) return false;
      } else if (k == "kind") {
        if (!String(v, ikey, &kind)) return false;
        if (kind == "10dlc") s->kind = SenderKind::kTenDlc;
        else if (kind == "toll_free") s->kind = SenderKind::kTollFree;
        else if (kind == "short_code") s->kind = SenderKind::kShortCode;
        else if (kind == "alphanumeric") s->kind = SenderKind::kAlphanumeric;
        else return Fail(&v, ikey, "must be \"10dlc\", \"toll_free\", \"short_code\" or \"alphanumeric\"");
      } else if (k == "status") {
        if (!String(v, ikey, &status)) return false;
        status_node = &v;
      } else if (k == "campaign") {
        if (!String(v, ikey, &s->campaign)) return false;
      } else {
        return Fail(&v, ikey, "unknown key");
      }
    }
    if (s->number.empty()) return Fail(&node, key + ".number", "is required");
    if (kind.empty()) return Fail(&node, key + ".kind", "is required");
    if (!status.empty()) {
      const std::string skey = key + ".status";
      if (s->kind == SenderKind::kTenDlc) {
        if (status == "registered") s->status = SenderStatus::kRegistered;
        else if (status == "pending") s->status = SenderStatus::kPending;
        else if (status == "unregistered") s->status = SenderStatus::kUnregistered;
        else return Fail(status_node, skey, "a 10dlc sender's status is \"registered\", \"pending\" or \"unregistered\"");
      } else if (s->kind == SenderKind::kTollFree) {
        if (status == "verified") s->status = SenderStatus::kVerified;
        else if (status == "pending") s->status = SenderStatus::kPending;
        else if (status == "restricted") s->status = SenderStatus::kRestricted;
        else return Fail(status_node, skey, "a toll_free sender's status is \"verified\", \"pending\" or \"restricted\"");
      } else {
        return Fail(status_node, skey, "only 10dlc and toll_free senders have a status");
      }
    }
    return true;
  }

  bool Campaign(const toml::node& node, const std::string& name, const std::string& key,
                AccountCampaign* c) {
    const toml::table* t = node.as_table();
    if (t == nullptr) return Fail(&node, key, "must be a table");
    c->name = name;
    for (const auto& [k, v] : *t) {
      const std::string ikey = key + "." + std::string(k.str());
      if (k == "use_case") {
        if (!String(v, ikey, &c->use_case)) return false;
      } else if (k == "has_embedded_links") {
        if (!Bool(v, ikey, &c->has_embedded_links)) return false;
      } else if (k == "has_embedded_phone") {
        if (!Bool(v, ikey, &c->has_embedded_phone)) return false;
      } else if (k == "age_gated") {
        if (!Bool(v, ikey, &c->age_gated)) return false;
      } else if (k == "direct_lending") {
        if (!Bool(v, ikey, &c->direct_lending)) return false;
      } else {
        return Fail(&v, ikey, "unknown key");
      }
    }
    return true;
  }

  bool Pumping(const toml::table& t, PumpingOptions& p) {
    for (const auto& [k, node] : t) {
      const std::string key = "account.pumping." + std::string(k.str());
      if (k == "expected_countries") {
        p.expected_countries.clear();
        if (!Strings(node, key, &p.expected_countries)) return false;
      } else if (k == "sequential_run") {
        // 0 turns it off; otherwise a run needs at least 2 numbers. (An
        // integer node only: see UInt on toml++'s float conversion.)
        if (node.is_integer() && node.value<int64_t>() == 0) {
          p.sequential_run = 0;
        } else if (!UInt(node, key, 2, &p.sequential_run)) {
          return false;
        }
      } else if (k == "block_digits") {
        if (!UInt(node, key, 1, &p.block_digits)) return false;
        if (p.block_digits > 8) return Fail(&node, key, "must be between 1 and 8");
      } else if (k == "block_share_percent") {
        if (!Number(node, key, &p.block_share_percent, 100)) return false;
        if (p.block_share_percent <= 0) return Fail(&node, key, "must be above 0");
      } else if (k == "block_min_rows") {
        if (!UInt(node, key, 1, &p.block_min_rows)) return false;
      } else if (k == "high_risk_prefixes") {
        if (!Bool(node, key, &p.high_risk_prefixes)) return false;
      } else if (k == "premium_destinations") {
        if (!Bool(node, key, &p.premium_destinations)) return false;
      } else {
        return Fail(&node, key, "unknown key");
      }
    }
    return true;
  }

  // [account.quiet_hours]; windows are read (and refused) by the Linter.
  bool QuietHoursTable(const toml::table& t, QuietHoursOptions& q) {
    for (const auto& [k, node] : t) {
      const std::string key = "account.quiet_hours." + std::string(k.str());
      if (k == "kinds") {
        q.kinds.clear();
        if (!Strings(node, key, &q.kinds)) return false;
      } else if (k == "windows") {
        const toml::table* w = node.as_table();
        if (w == nullptr) return Fail(&node, key, "must be a table of REGION = \"HH:MM-HH:MM\"");
        q.windows.clear();
        for (const auto& [region, value] : *w) {
          const std::string wkey = key + "." + std::string(region.str());
          if (!value.is_string()) return Fail(&value, wkey, "must be a string \"HH:MM-HH:MM\"");
          q.windows.push_back({std::string(region.str()), *value.value<std::string>()});
        }
      } else {
        return Fail(&node, key, "unknown key");
      }
    }
    return true;
  }

  // [account] (docs/config.md, docs/account.md). Numbers and regions are
  // checked by the Linter, which knows the default region.
  bool Account(const toml::table& account, Options& o) {
    AccountOptions& a = o.account;
    for (const auto& [k, node] : account) {
      const std::string key = "account." + std::string(k.str());
      if (k == "trial") {
        if (!Bool(node, key, &a.trial)) return false;
      } else if (k == "verified_numbers") {
        a.verified_numbers.clear();
        if (!Strings(node, key, &a.verified_numbers)) return false;
      } else if (k == "trial_numbers") {
        a.trial_numbers.clear();
        if (!Strings(node, key, &a.trial_numbers)) return false;
      } else if (k == "geo_permissions") {
        a.geo_permissions.clear();
        if (!Strings(node, key, &a.geo_permissions)) return false;
      } else if (k == "suppression_list") {
        a.suppression_lists.clear();
        if (!SuppressionLists(node, key, &a.suppression_lists)) return false;
      } else if (k == "senders") {
        const toml::array* arr = node.as_array();
        if (arr == nullptr) return Fail(&node, key, "must be an array of tables ([[account.senders]])");
        a.senders.clear();
        for (const toml::node& item : *arr) {
          AccountSender s;
          if (!Sender(item, key, &s)) return false;
          a.senders.push_back(std::move(s));
        }
      } else if (k == "campaigns") {
        const toml::table* t = node.as_table();
        if (t == nullptr) return Fail(&node, key, "must be a table of [account.campaigns.NAME] tables");
        a.campaigns.clear();
        for (const auto& [name, value] : *t) {
          AccountCampaign c;
          if (!Campaign(value, std::string(name.str()), key + "." + std::string(name.str()), &c)) {
            return false;
          }
          a.campaigns.push_back(std::move(c));
        }
      } else if (k == "pumping") {
        const toml::table* t = node.as_table();
        if (t == nullptr) return Fail(&node, key, "must be a table");
        if (!Pumping(*t, a.pumping)) return false;
      } else if (k == "quiet_hours") {
        const toml::table* t = node.as_table();
        if (t == nullptr) return Fail(&node, key, "must be a table");
        if (!QuietHoursTable(*t, a.quiet_hours)) return false;
      } else {
        return Fail(&node, key, "unknown key");
      }
    }
    for (const AccountSender& s : a.senders) {
      if (s.campaign.empty()) continue;
      bool found = false;
      for (const AccountCampaign& c : a.campaigns) found |= c.name == s.campaign;
      if (!found) {
        return Fail(&account, "account.senders.campaign",
                    "\"" + s.campaign + "\" is not an [account.campaigns." + s.campaign + "] table");
      }
    }
    return true;
  }

  bool SyntaxError(const toml::parse_error& e) {
    error->file = file;
    error->line = static_cast<int>(e.source().begin.line);
    error->column = static_cast<int>(e.source().begin.column);
    error->message = std::string(e.description());
    return false;
  }

  bool Load(const toml::table& table, Options* options) {
    Options o = *options;
    for (const auto& [k, node] : table) {
      if (k == "lint") {
        const toml::table* lint = node.as_table();
        if (lint == nullptr) return Fail(&node, "lint", "must be a table");
        if (!Lint(*lint, o)) return false;
      } else if (k == "content") {
        const toml::table* content = node.as_table();
        if (content == nullptr) return Fail(&node, "content", "must be a table");
        if (!Content(*content, o)) return false;
      } else if (k == "media") {
        const toml::table* media = node.as_table();
        if (media == nullptr) return Fail(&node, "media", "must be a table");
        if (!Media(*media, o)) return false;
      } else if (k == "account") {
        const toml::table* account = node.as_table();
        if (account == nullptr) return Fail(&node, "account", "must be a table");
        if (!Account(*account, o)) return false;
      } else {
        return Fail(&node, std::string(k.str()), "unknown key");
      }
    }
    *options = std::move(o);
    return true;
  }
};

// Where a configuration is nested too deeply to parse safely.
struct ShapeError {
  int line = 0;  // 0: none
  int column = 0;
  std::string message;
};

// toml++ parses nested arrays, inline tables and dotted keys by recursion, so
// a header 50,000 levels deep overflows the stack. This scan runs first and
// counts the levels a parser would enter: open '[' and '{' (outside strings
// and comments), plus the dots of the key or value being read. It is
// conservative: a float's one dot counts too, and a real configuration is a
// few levels deep.
ShapeError CheckConfigShape(std::string_view t) {
  int line = 1;
  size_t line_start = 0;
  int depth = 0;
  int dots = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      dots = 0;
    } else if (c == '#') {
      while (i + 1 < t.size() && t[i + 1] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      const bool basic = c == '"';
      const bool multi = t.substr(i, 3) == std::string(3, c);
      size_t j = i + (multi ? 3 : 1);
      for (; j < t.size(); ++j) {
        if (basic && t[j] == '\\') {
          ++j;  // the escaped character (a line break, in a multi-line string)
          if (j < t.size() && t[j] == '\n') ++line, line_start = j + 1;
          continue;
        }
        if (t[j] == '\n') {
          if (!multi) break;  // toml++ reports the unterminated string
          ++line;
          line_start = j + 1;
        }
        if (t[j] == c && (!multi || t.substr(j, 3) == std::string(3, c))) break;
      }
      if (multi && j < t.size()) j += 2;
      // A multi-line string may end with up to two more quotes.
      while (multi && j + 1 < t.size() && t[j + 1] == c) ++j;
      i = j < t.size() && t[j] != '\n' ? j : (j < t.size() ? j - 1 : t.size());
    } else if (c == '[' || c == '{' || c == '.') {
      if (c == '.') {
        ++dots;
      } else {
        ++depth;
        dots = 0;
      }
      if (depth + dots > kMaxConfigDepth) {
        return {line, static_cast<int>(i - line_start) + 1,
                "nested more than " + std::to_string(kMaxConfigDepth) +
                    " levels deep (arrays, inline tables and dotted key parts "
                    "together); smslint accepts at most " +
                    std::to_string(kMaxConfigDepth)};
      }
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;
      dots = 0;
    } else if (c == '=' || c == ',') {
      dots = 0;
    }
  }
  return {};
}

std::string TooLarge(uint64_t size) {
  return "the configuration is " + std::to_string(size) +
         " bytes; at most " + std::to_string(kMaxConfigBytes) + " (1 MiB) are accepted";
}

// Reads a configuration file: only a regular file (a directory, a device
// such as /dev/zero or a FIFO is refused, never read as an empty
// configuration), and at most kMaxConfigBytes. Opened with O_NONBLOCK so a
// FIFO cannot hang the open.
bool ReadConfigText(const std::string& path, std::string* text, std::string* why) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *why = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0;
  if (!ok) {
    *why = std::string("cannot read: ") + std::strerror(errno);
  } else if (!S_ISREG(st.st_mode)) {
    ok = false;
    *why = std::string("not a regular file (") +
           (S_ISDIR(st.st_mode)    ? "a directory"
            : S_ISFIFO(st.st_mode) ? "a FIFO"
            : S_ISCHR(st.st_mode)  ? "a character device"
            : S_ISBLK(st.st_mode)  ? "a block device"
                                   : "a socket") +
           "); a configuration must be a regular file";
  } else if (static_cast<uint64_t>(st.st_size) > kMaxConfigBytes) {
    ok = false;
    *why = TooLarge(static_cast<uint64_t>(st.st_size));
  } else {
    // One byte more than the cap shows a file that grew meanwhile.
    text->resize(kMaxConfigBytes + 1);
    size_t got = 0;
    while (got < text->size()) {
      const ssize_t n = ::read(fd, text->data() + got, text->size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        ok = false;
        *why = std::string("cannot read: ") + std::strerror(errno);
        break;
      }
      if (n == 0) break;
      got += static_cast<size_t>(n);
    }
    text->resize(got);
    if (ok && got > kMaxConfigBytes) {
      ok = false;
      *why = TooLarge(got);
    }
  }
  ::close(fd);
  return ok;
}

bool ParseConfig(Loader& loader, std::string_view text, Options* options) {
  const ShapeError shape = CheckConfigShape(text);
  if (shape.line > 0) {
    loader.error->file = loader.file;
    loader.error->line = shape.line;
    loader.error->column = shape.column;
    loader.error->key.clear();
    loader.error->message = shape.message;
    return false;
  }
  try {
    return loader.Load(toml::parse(text, loader.file), options);
  } catch (const toml::parse_error& e) {
    return loader.SyntaxError(e);
  } catch (const std::exception& e) {
    return loader.Fail(nullptr, "", e.what());
  }
}

}  // namespace

std::string ConfigError::ToString() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line) + ":" + std::to_string(column);
  s += ": ";
  if (!key.empty()) s += key + ": ";
  return s + message;
}

bool LoadConfigFile(const std::string& path, Options* options,
                    ConfigError* error) {
  Loader loader{path, error, std::filesystem::path(path).parent_path().string()};
  if (loader.base_dir.empty()) loader.base_dir = ".";
  std::string text;
  if (!ReadConfigText(path, &text, &loader.error->message)) {
    return loader.Fail(nullptr, "", loader.error->message);
  }
  return ParseConfig(loader, text, options);
}

bool LoadConfigString(std::string_view toml_text, std::string_view source_name,
                      Options* options, ConfigError* error) {
  Loader loader{std::string(source_name), error, ""};
  if (toml_text.size() > kMaxConfigBytes) {
    return loader.Fail(nullptr, "", TooLarge(toml_text.size()));
  }
  return ParseConfig(loader, toml_text, options);
}

}  // namespace smslint
