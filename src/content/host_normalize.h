// Host normalisation (docs/urls.md, "The host"): the form in which hosts
// are compared, for URLs found in a body and for configured host lists.
#ifndef SMSLINT_SRC_CONTENT_HOST_NORMALIZE_H_
#define SMSLINT_SRC_CONTENT_HOST_NORMALIZE_H_

#include <optional>
#include <string>
#include <string_view>

namespace smslint::internal {

// NormaliseHost()
//
// A host as written (possibly percent-encoded, Unicode, upper-case, with a
// trailing dot) in the form UrlMatch::host uses. Sets *ipv4 when it is an
// IPv4 literal (in any form a browser accepts, "0x7f.1" too) and
// *idna_error when it is not a valid host.
std::string NormaliseHost(std::string_view host, bool* ipv4, bool* idna_error);

// ICU UTS #46 ToASCII (WHATWG "domain to ASCII" options) of a name
// (label = false) or one label; nullopt for ill-formed UTF-8 or an IDNA
// error a browser would reject.
std::optional<std::string> IcuToAscii(std::string_view s, bool label);

// The inside of a "[...]" IPv6 literal, serialised as WHATWG does
// ("[2001:db8::1]"); nullopt when it is not an IPv6 address.
std::optional<std::string> ParseIpv6(std::string_view inner);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_HOST_NORMALIZE_H_
