// Label-boundary host matching: the public-shortener list and the hosts a
// sender configures (docs/urls.md, "Shortener matching").
//
//   assert(PublicShorteners().Match("www.tinyurl.com") == "tinyurl.com");
//   assert(PublicShorteners().Match("mybit.ly").empty());
#ifndef SMSLINT_SRC_CONTENT_HOST_SET_H_
#define SMSLINT_SRC_CONTENT_HOST_SET_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace smslint::internal {

// HostSet
//
// Hosts matched on a label boundary: a host H matches entry E when H == E
// or H ends with "." + E, so "www.bit.ly" matches "bit.ly" and "mybit.ly"
// does not. Immutable after the last Add(), then safe to share across
// threads.
class HostSet {
 public:
  HostSet() = default;

  // Adds `host`, normalised as NormaliseHost() does (an empty host is
  // ignored).
  void Add(std::string_view host);

  // The entry `host` (already normalised) matches, or "" when none does;
  // the most specific entry when several do. One hash lookup per label.
  std::string_view Match(std::string_view host) const;

  size_t size() const { return hosts_.size(); }

 private:
  // Heterogeneous lookup: Match() looks up string_view suffixes of the
  // host without copying them.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> hosts_;
};

// PublicShorteners()
//
// The shared public URL shorteners of data/url_shorteners.txt. Built on
// first use (thread-safe), never destroyed.
const HostSet& PublicShorteners();

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_HOST_SET_H_
