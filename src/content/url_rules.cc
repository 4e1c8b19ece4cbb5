// Link rules (docs/content.md, docs/urls.md): public
// shorteners, IP-address hosts, http://, links without a scheme, deceptive
// hosts, many links, a message that is little more than a link. URLs come from FindUrls
// (content/urls.h); host lists and host checks are data.
#include <algorithm>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "content/content_checks.h"
#include "content/lexicon.h"

#include <unicode/uchar.h>

namespace smslint::internal {
namespace {

std::string_view DeceptiveReason(const ContentContext& c, const UrlMatch& u) {
  if (u.has_userinfo) return "a user name before the host";
  return DeceptiveHostReason(c.phrases, u.host);
}

// Words left in the view (URLs and e-mails blanked): runs of letters or
// digits.
size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const base::Decoded d = base::DecodeUtf8(p, end);
    p += d.len;
    const bool word_char =
        d.cp < 0x80 ? ((d.cp | 0x20) >= 'a' && (d.cp | 0x20) <= 'z') || (d.cp >= '0' && d.cp <= '9')
                    : u_isalnum(static_cast<UChar32>(d.cp));
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

}  // namespace

// The first deceptive-url host check (data/content/lexicons/urls.toml) that
// the host fails; its role names the reason.
std::string_view DeceptiveHostReason(const PhraseEngine& phrases, std::string_view host) {
  constexpr std::string_view kRule = "content/deceptive-url";
  // The check roles in data order, each once, found once per process (the
  // lexicon table is long, and a role with several patterns was checked
  // once per pattern).
  static const std::vector<std::string_view>* const roles = [] {
    auto* out = new std::vector<std::string_view>;
    for (const LexiconPattern& p : kLexiconPatterns) {
      if (p.rule == kRule && !p.scan && std::find(out->begin(), out->end(), p.role) == out->end()) {
        out->push_back(p.role);
      }
    }
    return out;
  }();
  for (std::string_view role : *roles) {
    if (phrases.Check(kRule, role, host)) return role;
  }
  return {};
}

void CheckUrlRules(const ContentContext& c) {
  const std::vector<UrlMatch>& urls = c.urls.urls;
  if (urls.empty()) return;
  bool shortener = false, ip = false, insecure = false, deceptive = false;
  bool schemeless = false;
  for (const UrlMatch& u : urls) {
    const Span span = c.BodySpan(u.begin, u.end);
    const bool owned = c.Owned(u.host);
    if (!shortener && !owned && !u.ipv4 && !u.ipv6) {
      std::string_view entry = PublicShorteners().Match(u.host);
      if (entry.empty()) entry = c.extra_shorteners.Match(u.host);
      if (!entry.empty()) {
        shortener = true;
        c.emit(rule::kContentPublicUrlShortener, "body", span,
               {{"host", u.host}, {"entry", std::string(entry)}});
      }
    }
    if (!ip && (u.ipv4 || u.ipv6)) {
      ip = true;
      c.emit(rule::kContentIpAddressUrl, "body", span, {{"host", u.host}});
    }
    if (!insecure && u.scheme == "http") {
      insecure = true;
      c.emit(rule::kContentInsecureUrl, "body", span,
             {{"url", std::string(c.body.substr(u.begin, u.end - u.begin))}});
    }
    if (!schemeless && u.scheme.empty() && !owned && !u.ipv4 && !u.ipv6 &&
        c.phrases.Check("content/schemeless-url", "bare-host", u.host)) {
      schemeless = true;
      c.emit(rule::kContentSchemelessUrl, "body", span, {{"host", u.host}});
    }
    if (!deceptive && !owned && !u.ipv4 && !u.ipv6) {
      const std::string_view reason = DeceptiveReason(c, u);
      if (!reason.empty()) {
        deceptive = true;
        c.emit(rule::kContentDeceptiveUrl, "body", span,
               {{"host", u.host}, {"reason", std::string(reason)}});
      }
    }
  }
  if (urls.size() >= 3) {
    c.emit(rule::kContentManyUrls, "body", c.BodySpan(urls[2].begin, urls[2].end),
           {{"count", std::to_string(urls.size())}});
  }
  const size_t words = CountWords(c.view.text());
  if (words <= 3) {
    c.emit(rule::kContentLinkOnlyMessage, "body",
           c.BodySpan(urls[0].begin, urls[0].end), {{"words", std::to_string(words)}});
  }
}

}  // namespace smslint::internal
