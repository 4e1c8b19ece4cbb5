#include "smslint/message.h"

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace smslint {
namespace {

constexpr std::array<std::pair<MessageKind, std::string_view>, 5> kKinds = {{
    {MessageKind::kMarketing, "marketing"},
    {MessageKind::kTransactional, "transactional"},
    {MessageKind::kOtp, "otp"},
    {MessageKind::kConversational, "conversational"},
    {MessageKind::kInformational, "informational"},
}};

}  // namespace

std::string_view MessageKindName(MessageKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "";
}

std::optional<MessageKind> ParseMessageKind(std::string_view name) {
  for (const auto& [k, n] : kKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

}  // namespace smslint
