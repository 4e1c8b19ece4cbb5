// Label-boundary host sets and the public shortener list (docs/urls.md,
// "Shortener matching").
#include "content/host_set.h"

#include <string>
#include <string_view>

#include "content/host_normalize.h"

namespace smslint::internal {
namespace {

#include "gen/url_shorteners.inc"

}  // namespace

void HostSet::Add(std::string_view host) {
  bool ipv4 = false, error = false;
  std::string h = NormaliseHost(host, &ipv4, &error);
  if (!h.empty()) hosts_.insert(std::move(h));
}

std::string_view HostSet::Match(std::string_view host) const {
  if (host.empty() || hosts_.empty()) return {};
  for (size_t pos = 0;;) {
    const auto it = hosts_.find(host.substr(pos));
    if (it != hosts_.end()) return *it;
    const size_t dot = host.find('.', pos);
    if (dot == std::string_view::npos) return {};
    pos = dot + 1;
  }
}

const HostSet& PublicShorteners() {
  static const HostSet* const set = [] {
    auto* s = new HostSet;
    for (const std::string_view h : kUrlShorteners) s->Add(h);
    return s;
  }();
  return *set;
}

}  // namespace smslint::internal
