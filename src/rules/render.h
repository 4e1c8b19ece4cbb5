// Renders a rule's message template: "{name}" becomes the argument `name`.
#ifndef SMSLINT_SRC_RULES_RENDER_H_
#define SMSLINT_SRC_RULES_RENDER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smslint::internal {

inline std::string RenderTemplate(
    std::string_view tmpl,
    const std::vector<std::pair<std::string, std::string>>& args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  size_t i = 0;
  while (i < tmpl.size()) {
    const size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) break;
    const size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(i, open - i));
    const std::string_view name = tmpl.substr(open + 1, close - open - 1);
    bool found = false;
    for (const auto& [k, v] : args) {
      if (k == name) {
        out.append(v);
        found = true;
        break;
      }
    }
    if (!found) out.append(tmpl.substr(open, close - open + 1));
    i = close + 1;
  }
  out.append(tmpl.substr(i));
  return out;
}

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_RULES_RENDER_H_
