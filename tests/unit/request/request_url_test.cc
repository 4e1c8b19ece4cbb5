#include "request/request_url.h"

#include <gtest/gtest.h>

#include <string>

#include "request/host_class.h"
#include "request/media_extensions.h"

namespace smslint::internal {
namespace {

std::string Reason(std::string_view url) {
  const RequestUrl u = ParseRequestUrl(url);
  EXPECT_TRUE(u.ok) << url << ": " << u.error;
  return UnreachableHostReason(u);
}

std::string_view Text(std::string_view url, UrlPart p) {
  return url.substr(p.begin, p.end - p.begin);
}

TEST(RequestUrlTest, SplitsAnAbsoluteUrl) {
  constexpr std::string_view kUrl = "HTTPS://bob:pw@CDN.Acme-Shop.com:8443/img/a.PNG?x=1#f";
  const RequestUrl u = ParseRequestUrl(kUrl);
  ASSERT_TRUE(u.ok) << u.error;
  EXPECT_EQ(u.scheme, "https");
  EXPECT_EQ(Text(kUrl, u.scheme_part), "HTTPS");
  EXPECT_EQ(Text(kUrl, u.userinfo), "bob:pw");
  EXPECT_EQ(Text(kUrl, u.host_part), "CDN.Acme-Shop.com");
  EXPECT_EQ(Text(kUrl, u.path), "/img/a.PNG");
  EXPECT_EQ(u.host, "cdn.acme-shop.com");
  EXPECT_FALSE(u.ipv4 || u.ipv6 || u.host_invalid);
}

TEST(RequestUrlTest, RefusesWhatIsNotAnAbsoluteHttpUrl) {
  struct Case {
    std::string_view url;
    std::string_view error_part;
  };
  for (const Case& c : {Case{"cdn.acme-shop.com/a.png", "cdn.acme-shop.com/a.png"},
                        Case{"/a.png", "/a.png"},
                        Case{"ftp://cdn.acme-shop.com/a.png", "ftp"},
                        Case{"data:image/png;base64,AAAA", "data"},
                        Case{"https:///a.png", "https:///a.png"},
                        Case{"https:/a.png", "https:/a.png"},
                        Case{"https://cdn.acme-shop.com/my photo.png", " "},
                        Case{"https://cdn.acme-shop.com/caf\xc3\xa9.png", "\xc3"},
                        Case{" https://cdn.acme-shop.com/a.png", " "},
                        Case{"https://cdn.acme-shop.com:80x/a.png", "/"},
                        Case{"https://[::1/a.png", "/"}}) {
    const RequestUrl u = ParseRequestUrl(c.url);
    EXPECT_FALSE(u.ok) << c.url;
    EXPECT_FALSE(u.error.empty()) << c.url;
    EXPECT_EQ(Text(c.url, u.error_part), c.error_part) << c.url << ": " << u.error;
  }
  EXPECT_FALSE(ParseRequestUrl("").ok);
  EXPECT_FALSE(ParseRequestUrl(std::string_view("https://a\0b.com/", 16)).ok);
}

TEST(RequestUrlTest, AcceptsPercentEncodingAndIpLiterals) {
  EXPECT_TRUE(ParseRequestUrl("https://cdn.acme-shop.com/my%20photo.png").ok);
  const RequestUrl v6 = ParseRequestUrl("https://[2606:4700::6810:84e5]/a.png");
  ASSERT_TRUE(v6.ok);
  EXPECT_TRUE(v6.ipv6);
  EXPECT_EQ(v6.host, "[2606:4700::6810:84e5]");
  EXPECT_EQ(Reason("https://[2606:4700::6810:84e5]/a.png"), "");
  EXPECT_EQ(Reason("https://93.184.215.14/a.png"), "");
}

TEST(HostClassTest, Ipv4InEverySpelling) {
  for (const char* url : {"http://127.0.0.1/", "http://2130706433/", "http://0x7f.1/",
                          "http://0177.0.0.1/", "http://0x7f000001/", "http://127.1/",
                          "http://127.0.0.1./"}) {
    EXPECT_EQ(Reason(url), "a loopback address (127.0.0.0/8)") << url;
  }
  EXPECT_EQ(Reason("http://10.1.2.3/"), "a private address (10.0.0.0/8, RFC 1918)");
  EXPECT_EQ(Reason("http://012.1.2.3/"), "a private address (10.0.0.0/8, RFC 1918)");
  EXPECT_EQ(Reason("http://172.20.0.1/"), "a private address (172.16.0.0/12, RFC 1918)");
  EXPECT_EQ(Reason("http://172.32.0.1/"), "");
  EXPECT_EQ(Reason("http://192.168.1.1/"), "a private address (192.168.0.0/16, RFC 1918)");
  EXPECT_EQ(Reason("http://100.64.0.1/"), "a carrier-grade NAT address (100.64.0.0/10, RFC 6598)");
  EXPECT_EQ(Reason("http://100.128.0.1/"), "");
  EXPECT_EQ(Reason("http://169.254.169.254/"), "a link-local address (169.254.0.0/16)");
  EXPECT_EQ(Reason("http://0.0.0.0/"), "an unspecified address (0.0.0.0/8)");
  EXPECT_EQ(Reason("http://0/"), "an unspecified address (0.0.0.0/8)");
  EXPECT_EQ(Reason("http://255.255.255.255/"), "the broadcast address (255.255.255.255)");
  EXPECT_EQ(Reason("http://224.0.0.1/"), "a multicast address (224.0.0.0/4)");
  EXPECT_EQ(Reason("http://203.0.113.9/"), "a documentation address (203.0.113.0/24, RFC 5737)");
  EXPECT_EQ(Reason("http://8.8.8.8/"), "");
  // Not IPv4 for a URL parser: 256 is out of range, so the host is invalid.
  const RequestUrl bad = ParseRequestUrl("http://1.2.3.256/");
  ASSERT_TRUE(bad.ok);
  EXPECT_TRUE(bad.host_invalid);
}

TEST(HostClassTest, Ipv6Forms) {
  EXPECT_EQ(Reason("http://[::1]/"), "the loopback address (::1)");
  EXPECT_EQ(Reason("http://[0:0:0:0:0:0:0:1]/"), "the loopback address (::1)");
  EXPECT_EQ(Reason("http://[::]/"), "the unspecified address (::)");
  EXPECT_EQ(Reason("http://[fd12:3456::1]/"), "a unique-local address (fc00::/7, RFC 4193)");
  EXPECT_EQ(Reason("http://[fe80::1]/"), "a link-local address (fe80::/10)");
  EXPECT_EQ(Reason("http://[ff02::1]/"), "a multicast address (ff00::/8)");
  EXPECT_EQ(Reason("http://[2001:db8::1]/"), "a documentation address (2001:db8::/32, RFC 3849)");
  EXPECT_EQ(Reason("http://[::ffff:127.0.0.1]/"),
            "an IPv4-mapped form (::ffff:0:0/96) of a loopback address (127.0.0.0/8)");
  EXPECT_EQ(Reason("http://[::ffff:c0a8:101]/"),
            "an IPv4-mapped form (::ffff:0:0/96) of a private address (192.168.0.0/16, RFC 1918)");
  EXPECT_EQ(Reason("http://[::ffff:8.8.8.8]/"), "");
  EXPECT_EQ(Reason("http://[64:ff9b::a00:1]/"),
            "a NAT64 form (64:ff9b::/96) of a private address (10.0.0.0/8, RFC 1918)");
  EXPECT_EQ(Reason("http://[::10.0.0.1]/"),
            "an IPv4-compatible form (::/96) of a private address (10.0.0.0/8, RFC 1918)");
}

TEST(HostClassTest, Names) {
  EXPECT_EQ(Reason("http://localhost:8080/"), "a loopback name (localhost, RFC 6761)");
  EXPECT_EQ(Reason("http://LOCALHOST./"), "a loopback name (localhost, RFC 6761)");
  EXPECT_EQ(Reason("http://app.localhost/"), "a loopback name (localhost, RFC 6761)");
  EXPECT_EQ(Reason("http://printer.local/"), "a multicast DNS name (.local, RFC 6762)");
  EXPECT_EQ(Reason("http://cdn.internal/"),
            "a private-use name (.internal, reserved by ICANN for private networks)");
  EXPECT_EQ(Reason("http://nas.lan/"),
            "a private network name (.lan is not a public top-level domain)");
  EXPECT_EQ(Reason("http://nas.home.arpa/"), "a home-network name (.home.arpa, RFC 8375)");
  EXPECT_EQ(Reason("http://cdn.example.com/"), "a name reserved for documentation (RFC 2606)");
  EXPECT_EQ(Reason("http://fileserver/"),
            "a single-label name, which public DNS does not resolve");
  EXPECT_EQ(Reason("http://cdn.acme.notatld/"),
            "a name under .notatld, which is not in the IANA root zone");
  // Public names pass, also where a reserved word is only part of a label.
  for (const char* url : {"https://cdn.acme-shop.com/", "https://local.com/",
                          "https://mylocal.io/", "https://internal.example-corp.net/",
                          "https://xn--bcher-kva.de/"}) {
    EXPECT_EQ(Reason(url), "") << url;
  }
}

TEST(MediaExtensionsTest, SortedAndLookedUp) {
  for (size_t i = 1; i < std::size(kExtensionTypes); ++i) {
    EXPECT_LT(kExtensionTypes[i - 1].extension, kExtensionTypes[i].extension);
  }
  EXPECT_EQ(TypeForExtension("png"), "image/png");
  EXPECT_EQ(TypeForExtension("jpg"), "image/jpeg");
  EXPECT_EQ(TypeForExtension("php"), "");
}

}  // namespace
}  // namespace smslint::internal
