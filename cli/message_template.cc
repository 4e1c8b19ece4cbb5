#include "message_template.h"

#include <string>

#include "base/ascii.h"

namespace smslint::cli {

std::string DropInvisibles(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const std::string_view rest = s.substr(i);
    if (rest.starts_with("\xEF\xBB\xBF") || rest.starts_with("\xE2\x80\x8B") ||
        rest.starts_with("\xE2\x80\x8C") || rest.starts_with("\xE2\x80\x8D") ||
        rest.starts_with("\xE2\x81\xA0")) {
      i += 3;
      continue;
    }
    out.push_back(s[i++]);
  }
  return out;
}

bool MessageTemplate::SameName(std::string_view a, std::string_view b) {
  if (base::EqualsIgnoreAsciiCase(base::TrimAscii(a), base::TrimAscii(b))) return true;
  // Rarely needed: only when a name holds a byte >= 0x80.
  if (a.find('\xE2') == std::string_view::npos && a.find('\xEF') == std::string_view::npos &&
      b.find('\xE2') == std::string_view::npos && b.find('\xEF') == std::string_view::npos) {
    return false;
  }
  const std::string da = DropInvisibles(a), db = DropInvisibles(b);
  return base::EqualsIgnoreAsciiCase(base::TrimAscii(da), base::TrimAscii(db));
}

std::optional<MessageTemplate> MessageTemplate::Parse(std::string_view text,
                                                      TemplateError* error) {
  MessageTemplate t;
  auto fail = [&](size_t offset, std::string message) {
    if (error != nullptr) {
      error->offset = offset;
      error->message = std::move(message) + " (at byte " +
                       std::to_string(offset) + ")";
    }
    return std::nullopt;
  };
  // Adds literal text, merging it with a literal piece just before.
  auto literal = [&t](std::string_view s) {
    if (t.pieces_.empty() || t.pieces_.back().placeholder >= 0) {
      t.pieces_.push_back({t.literals_.size(), 0, -1});
    }
    t.literals_.append(s);
    t.pieces_.back().size += s.size();
  };

  size_t i = 0;
  size_t placeholders = 0;
  while (i < text.size()) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("\\{{")) {
      literal("{{");
      i += 3;
      continue;
    }
    if (rest.starts_with("\\\\{{")) {
      literal("\\");  // then "{{" opens a placeholder
      i += 2;
      continue;
    }
    if (!rest.starts_with("{{")) {
      // Up to the next byte that may start something.
      const size_t next = text.find_first_of("\\{", i + 1);
      const size_t stop = next == std::string_view::npos ? text.size() : next;
      literal(text.substr(i, stop - i));
      i = stop;
      continue;
    }
    const size_t open = i;
    const size_t close = text.find_first_of("{}", open + 2);
    if (close == std::string_view::npos) {
      return fail(open, "'{{' is not closed by '}}'");
    }
    if (text[close] == '{') {
      return fail(close, "'{' inside the placeholder opened at byte " +
                             std::to_string(open) +
                             " (a literal '{{' is written '\\{{')");
    }
    if (close + 1 >= text.size() || text[close + 1] != '}') {
      return fail(close, "single '}' inside the placeholder opened at byte " +
                             std::to_string(open));
    }
    const std::string_view name = base::TrimAscii(text.substr(open + 2, close - open - 2));
    if (name.empty()) return fail(open, "empty placeholder name");
    int index = -1;
    for (size_t k = 0; k < t.names_.size(); ++k) {
      if (SameName(t.names_[k], name)) index = static_cast<int>(k);
    }
    if (index < 0) {
      index = static_cast<int>(t.names_.size());
      t.names_.emplace_back(name);
    }
    if (++placeholders > kMaxPlaceholders) {
      return fail(open, "more than " + std::to_string(kMaxPlaceholders) +
                            " placeholders");
    }
    t.pieces_.push_back({0, 0, index});
    i = close + 2;
  }
  return t;
}

bool MessageTemplate::BindColumns(const std::vector<std::string>& header,
                                  std::vector<int>* column_of_placeholder,
                                  std::vector<std::string>* missing) const {
  column_of_placeholder->assign(names_.size(), -1);
  bool all = true;
  for (size_t k = 0; k < names_.size(); ++k) {
    for (size_t c = 0; c < header.size(); ++c) {
      if (SameName(names_[k], header[c])) {
        (*column_of_placeholder)[k] = static_cast<int>(c);
        break;
      }
    }
    if ((*column_of_placeholder)[k] < 0) {
      all = false;
      if (missing != nullptr) missing->push_back(names_[k]);
    }
  }
  return all;
}

bool MessageTemplate::Render(const std::vector<std::string>& fields,
                             const std::vector<int>& column_of_placeholder,
                             std::string* out, size_t max_bytes) const {
  const size_t start = out->size();
  auto append = [&](std::string_view s) {
    const size_t room = max_bytes - (out->size() - start);
    if (s.size() > room) {
      out->append(s.substr(0, room));
      return false;
    }
    out->append(s);
    return true;
  };
  for (const Piece& piece : pieces_) {
    if (piece.placeholder < 0) {
      if (!append(std::string_view(literals_).substr(piece.begin, piece.size))) {
        return false;
      }
      continue;
    }
    const auto k = static_cast<size_t>(piece.placeholder);
    if (k >= column_of_placeholder.size()) continue;
    const int column = column_of_placeholder[k];
    if (column >= 0 && static_cast<size_t>(column) < fields.size() &&
        !append(fields[static_cast<size_t>(column)])) {
      return false;
    }
  }
  return true;
}

}  // namespace smslint::cli
