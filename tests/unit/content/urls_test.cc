// URL and e-mail extraction and shortener matching (content/urls.h): the
// URL examples of content_rules.md §1.2 and §3.8-3.13, and the edges of
// each step (scheme, scheme-less TLD check, IPv4/IPv6, trimming, host
// normalisation, e-mails, invalid UTF-8).
#include "content/urls.h"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace smslint::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string_view Text(std::string_view body, size_t begin, size_t end) {
  return body.substr(begin, end - begin);
}

// The URLs of `body`, as written.
std::vector<std::string_view> Urls(std::string_view body) {
  std::vector<std::string_view> out;
  for (const UrlMatch& m : FindUrls(body).urls) out.push_back(Text(body, m.begin, m.end));
  return out;
}

std::vector<std::string_view> Emails(std::string_view body) {
  std::vector<std::string_view> out;
  for (const TextRange& r : FindUrls(body).emails) out.push_back(Text(body, r.begin, r.end));
  return out;
}

// The single URL of `body` (a test failure when there is not exactly one).
UrlMatch OnlyUrl(std::string_view body) {
  const UrlScan scan = FindUrls(body);
  EXPECT_EQ(scan.urls.size(), 1u) << body;
  return scan.urls.empty() ? UrlMatch{} : scan.urls[0];
}

std::string_view Shortener(std::string_view body) {
  return PublicShorteners().Match(OnlyUrl(body).host);
}

// §3.8 public-url-shortener.
TEST(UrlsTest, ShortenerMustFire) {
  constexpr std::string_view kTiny = "Deals: HTTPS://TinyURL.com/y7abc";
  const UrlMatch tiny = OnlyUrl(kTiny);
  EXPECT_EQ(Text(kTiny, tiny.begin, tiny.end), "HTTPS://TinyURL.com/y7abc");
  EXPECT_EQ(tiny.scheme, "https");
  EXPECT_EQ(tiny.host, "tinyurl.com");
  EXPECT_EQ(Text(kTiny, tiny.host_begin, tiny.host_end), "TinyURL.com");
  EXPECT_EQ(Shortener(kTiny), "tinyurl.com");
  // The example of content/urls.h.
  const UrlScan header = FindUrls("Deals: HTTPS://TinyURL.com/y7abc. Reply STOP");
  ASSERT_EQ(header.urls.size(), 1u);
  EXPECT_EQ(header.urls[0].end, 32u);

  constexpr std::string_view kIsGd = "See it (is.gd/Qx1).";
  const UrlMatch isgd = OnlyUrl(kIsGd);
  EXPECT_EQ(Text(kIsGd, isgd.begin, isgd.end), "is.gd/Qx1");
  EXPECT_EQ(isgd.scheme, "");
  EXPECT_EQ(Shortener(kIsGd), "is.gd");

  // rebrand.ly is in data/url_shorteners.txt (carrier facts).
  EXPECT_EQ(Shortener("https://go.rebrand.ly/sale"), "rebrand.ly");
  EXPECT_EQ(Shortener("New post https://t.co/abc"), "t.co");
  EXPECT_EQ(Shortener("HTTPS://BIT.LY/x"), "bit.ly");
}

TEST(UrlsTest, ShortenerMustNotFire) {
  EXPECT_EQ(OnlyUrl("maple-and-co.com/s/19").host, "maple-and-co.com");
  EXPECT_EQ(Shortener("maple-and-co.com/s/19"), "");
  EXPECT_EQ(OnlyUrl("https://bit.lyrics.example.org").host, "bit.lyrics.example.org");
  EXPECT_EQ(Shortener("https://bit.lyrics.example.org"), "");
  EXPECT_EQ(Shortener("https://t.com/x"), "");
  EXPECT_EQ(Shortener("mybit.ly"), "");
  // Scanned whole, not from the middle ("bit.ly..." is preceded by '.').
  EXPECT_EQ(OnlyUrl("notbit.ly.example.com").host, "notbit.ly.example.com");
  EXPECT_EQ(Shortener("notbit.ly.example.com"), "");
}

// §3.9 ip-address-url.
TEST(UrlsTest, Ipv4) {
  const UrlMatch portal = OnlyUrl("Log in: http://203.0.113.7/portal");
  EXPECT_TRUE(portal.ipv4);
  EXPECT_EQ(portal.host, "203.0.113.7");
  const UrlMatch port = OnlyUrl("https://10.0.0.5:8443/a");
  EXPECT_TRUE(port.ipv4);
  EXPECT_EQ(port.host, "10.0.0.5");
  EXPECT_EQ(Text("https://10.0.0.5:8443/a", port.host_begin, port.host_end), "10.0.0.5");
  const UrlMatch pay = OnlyUrl("Pay: 198.51.100.20/pay");
  EXPECT_TRUE(pay.ipv4);
  EXPECT_EQ(pay.scheme, "");
  EXPECT_THAT(Urls("Pay: 198.51.100.20/pay"), ElementsAre("198.51.100.20/pay"));
  EXPECT_THAT(Urls("Router at 192.168.1.1."), ElementsAre("192.168.1.1"));
  EXPECT_THAT(Urls("Router at 192.168.1.1:8080/setup"), ElementsAre("192.168.1.1:8080/setup"));
}

TEST(UrlsTest, NotIpv4) {
  EXPECT_THAT(Urls("Update to version 10.2.1 today"), IsEmpty());
  EXPECT_THAT(Urls("Call 555.201.3344"), IsEmpty());
  EXPECT_THAT(Urls("Build 1.2.3.4.5 is out"), IsEmpty());
  EXPECT_THAT(Urls("Octets 256.1.1.1 or 1.2.3.1000"), IsEmpty());
  EXPECT_THAT(Urls("Version v1.2.3.4"), IsEmpty());
  const UrlMatch m = OnlyUrl("https://acme.example/1.2.3.4");
  EXPECT_EQ(m.host, "acme.example");
  EXPECT_FALSE(m.ipv4);
}

TEST(UrlsTest, Ipv4AsBrowsersParseIt) {
  // With a scheme, a host that ends in a number is an IPv4 address in any
  // form a browser accepts, or invalid.
  EXPECT_EQ(OnlyUrl("http://0x7f.1/x").host, "127.0.0.1");
  EXPECT_TRUE(OnlyUrl("http://0x7f.1/x").ipv4);
  EXPECT_EQ(OnlyUrl("http://3405803783/").host, "203.0.113.7");
  EXPECT_EQ(OnlyUrl("http://010.0.0.1/").host, "8.0.0.1");
  const UrlMatch bad = OnlyUrl("http://1.2.3.4.5/");
  EXPECT_FALSE(bad.ipv4);
  EXPECT_TRUE(bad.idna_error);
}

TEST(UrlsTest, Ipv6) {
  constexpr std::string_view kBody = "Go http://[2001:DB8::1]/x now";
  const UrlMatch m = OnlyUrl(kBody);
  EXPECT_TRUE(m.ipv6);
  EXPECT_FALSE(m.idna_error);
  EXPECT_EQ(m.host, "[2001:db8::1]");
  EXPECT_EQ(Text(kBody, m.host_begin, m.host_end), "[2001:DB8::1]");
  EXPECT_EQ(OnlyUrl("http://[2001:db8:0:0:1:0:0:1]:8080/").host, "[2001:db8::1:0:0:1]");
  EXPECT_EQ(OnlyUrl("http://[::1]").host, "[::1]");  // the ']' is not trimmed
  const UrlMatch bad = OnlyUrl("http://[zz]/x");
  EXPECT_FALSE(bad.ipv6);
  EXPECT_TRUE(bad.idna_error);
}

// §3.10 insecure-url: the scheme, lower-cased.
TEST(UrlsTest, Scheme) {
  EXPECT_EQ(OnlyUrl("http://acme.example/deal").scheme, "http");
  const UrlMatch upper = OnlyUrl("HTTP://ACME.EXAMPLE");
  EXPECT_EQ(upper.scheme, "http");
  EXPECT_EQ(upper.host, "acme.example");
  EXPECT_EQ(OnlyUrl("Menu at http://maple-and-co.com/m").scheme, "http");
  EXPECT_EQ(OnlyUrl("https://acme.example/deal").scheme, "https");
  EXPECT_EQ(OnlyUrl("acme.example/deal").scheme, "");
  EXPECT_EQ(OnlyUrl("Files at ftp://files.acme.example/a.zip").scheme, "ftp");
  EXPECT_THAT(Urls("Got an http status 500 from the ftp server"), IsEmpty());
  EXPECT_THAT(Urls("http:// acme"), IsEmpty());
  EXPECT_THAT(Urls("http://."), IsEmpty());
  // A scheme glued to the word before it still starts a URL.
  EXPECT_THAT(Urls("Tap herehttps://bit.ly/x"), ElementsAre("https://bit.ly/x"));
  // Browsers skip extra slashes and percent-decode the host.
  EXPECT_EQ(OnlyUrl("https:///bit.ly/x").host, "bit.ly");
  EXPECT_EQ(OnlyUrl("https://%62it.ly/x").host, "bit.ly");
}

// §3.11 deceptive-url: the host fields the rule reads.
TEST(UrlsTest, DeceptiveHosts) {
  EXPECT_EQ(OnlyUrl("https://bank.com.secure-check.info/login").host,
            "bank.com.secure-check.info");
  EXPECT_EQ(OnlyUrl("https://paypal.com-help.io").host, "paypal.com-help.io");
  const UrlMatch puny = OnlyUrl("https://xn--80ak6aa92e.com");
  EXPECT_EQ(puny.host, "xn--80ak6aa92e.com");
  EXPECT_FALSE(puny.idna_error);
  EXPECT_EQ(OnlyUrl("https://shop.example.com.au/x").host, "shop.example.com.au");
  EXPECT_EQ(OnlyUrl("https://mail.example.com").host, "mail.example.com");
  EXPECT_EQ(OnlyUrl("https://example.org/com/page").host, "example.org");
}

TEST(UrlsTest, Userinfo) {
  constexpr std::string_view kBody = "https://brand.com@evil.io/x";
  const UrlScan scan = FindUrls(kBody);
  ASSERT_EQ(scan.urls.size(), 1u);
  EXPECT_TRUE(scan.urls[0].has_userinfo);
  EXPECT_EQ(scan.urls[0].host, "evil.io");
  EXPECT_EQ(Text(kBody, scan.urls[0].host_begin, scan.urls[0].host_end), "evil.io");
  EXPECT_THAT(scan.emails, IsEmpty());  // part of the URL

  const UrlMatch pw = OnlyUrl("https://user:pw@acme.example:8080/x");
  EXPECT_TRUE(pw.has_userinfo);
  EXPECT_EQ(pw.host, "acme.example");
  EXPECT_FALSE(OnlyUrl("https://acme.example/x@bit.ly").has_userinfo);
  EXPECT_EQ(OnlyUrl("https://acme.example/x@bit.ly").host, "acme.example");
}

// §3.12 many-urls.
TEST(UrlsTest, Counting) {
  EXPECT_THAT(Urls("a.co/1 b.co/2 c.co/3"), ElementsAre("a.co/1", "b.co/2", "c.co/3"));
  EXPECT_THAT(Urls("https://acme.example/a, https://acme.example/b and acme.example/c"),
              ElementsAre("https://acme.example/a", "https://acme.example/b",
                          "acme.example/c"));
  constexpr std::string_view kMixed = "Write to ann@acme.example or see acme.example/help";
  EXPECT_THAT(Urls(kMixed), ElementsAre("acme.example/help"));
  EXPECT_THAT(Emails(kMixed), ElementsAre("ann@acme.example"));
}

// §3.13 link-only-message.
TEST(UrlsTest, LinkOnly) {
  EXPECT_THAT(Urls("https://acme.example/x"), ElementsAre("https://acme.example/x"));
  EXPECT_THAT(Urls("Look: https://acme.example/x"), ElementsAre("https://acme.example/x"));
  EXPECT_THAT(Urls("Acme: your receipt is at acme.example/r/1"),
              ElementsAre("acme.example/r/1"));
  EXPECT_THAT(Urls("Track order 55 at acme.example/t/55"), ElementsAre("acme.example/t/55"));
}

// A WebOTP line binds the code to an origin; it is neither a URL nor an
// e-mail address.
TEST(UrlsTest, WebOtpLine) {
  const UrlScan scan = FindUrls("Your Acme code is 123456.\n\n@acme.example #123456");
  EXPECT_THAT(scan.urls, IsEmpty());
  EXPECT_THAT(scan.emails, IsEmpty());
  EXPECT_THAT(Urls("Follow @acme.co for deals"), IsEmpty());
}

TEST(UrlsTest, SchemelessNeedsKnownTld) {
  EXPECT_THAT(Urls("Open report.pdf or image.jpeg"), IsEmpty());
  EXPECT_THAT(Urls("e.g. the U.S.A. at 9.30am for $10.99"), IsEmpty());
  EXPECT_THAT(Urls("Visit acme.example."), ElementsAre("acme.example"));
  EXPECT_THAT(Urls("Visit www.acme.com/deals!"), ElementsAre("www.acme.com/deals"));
  EXPECT_THAT(Urls("acme.com?ref=sms"), ElementsAre("acme.com?ref=sms"));
  // The longest prefix with a known TLD: a missing space after a full stop.
  EXPECT_THAT(Urls("Visit acme.com.Zzz today"), ElementsAre("acme.com"));
  // RFC 2606 names count (data/tlds.txt additions).
  EXPECT_THAT(Urls("a.test b.invalid c.localhost d.example"),
              ElementsAre("a.test", "b.invalid", "c.localhost", "d.example"));
  // Not preceded by '-', '_' or a letter: the spec's start rule. A hyphen
  // inside a label is part of the host.
  EXPECT_THAT(Urls("my_site.com -bit.ly/x"), IsEmpty());
  EXPECT_EQ(OnlyUrl("x-bit.ly").host, "x-bit.ly");
  EXPECT_EQ(Shortener("x-bit.ly"), "");
  // Consequence of the IANA list: new gTLDs such as .how make a missing
  // space after a full stop a URL.
  EXPECT_THAT(Urls("Hello.How are you"), ElementsAre("Hello.How"));
}

TEST(UrlsTest, Ports) {
  constexpr std::string_view kBody = "acme.example:8080/x";
  const UrlMatch m = OnlyUrl(kBody);
  EXPECT_EQ(Text(kBody, m.begin, m.end), kBody);
  EXPECT_EQ(m.host, "acme.example");
  EXPECT_EQ(Text(kBody, m.host_begin, m.host_end), "acme.example");
  EXPECT_THAT(Urls("Visit acme.example: great deals"), ElementsAre("acme.example"));
  EXPECT_THAT(Urls("acme.example:80x"), ElementsAre("acme.example"));
  EXPECT_EQ(OnlyUrl("https://acme.example:443").host, "acme.example");
  EXPECT_EQ(OnlyUrl("https://ACME.example.:443/").host, "acme.example");  // trailing dot
}

TEST(UrlsTest, Trimming) {
  EXPECT_THAT(Urls("Go to https://acme.example/x."), ElementsAre("https://acme.example/x"));
  EXPECT_THAT(Urls("(https://acme.example/x),"), ElementsAre("https://acme.example/x"));
  EXPECT_THAT(Urls("See https://acme.example/x?a=1!?!;:'\""),
              ElementsAre("https://acme.example/x?a=1"));
  EXPECT_THAT(Urls("\xE2\x80\x9Chttps://acme.example/x\xE2\x80\x9D"),  // “…”
              ElementsAre("https://acme.example/x"));
  EXPECT_THAT(Urls("it\xE2\x80\x99s at https://acme.example/x\xE2\x80\x99."),  // ’
              ElementsAre("https://acme.example/x"));
  EXPECT_THAT(Urls("\xC2\xABhttps://acme.example/x\xC2\xBB"),  // «…»
              ElementsAre("https://acme.example/x"));
  EXPECT_THAT(Urls("More at acme.example/x\xE2\x80\xA6"),  // …
              ElementsAre("acme.example/x"));
  EXPECT_THAT(Urls("[https://acme.example/x]"), ElementsAre("https://acme.example/x"));
  EXPECT_THAT(Urls("{https://acme.example/x}"), ElementsAre("https://acme.example/x"));
  EXPECT_THAT(Urls("https://acme.example/a[1]"), ElementsAre("https://acme.example/a[1]"));
  // Balanced parentheses stay.
  EXPECT_THAT(Urls("https://en.wikipedia.org/wiki/Foo_(bar)"),
              ElementsAre("https://en.wikipedia.org/wiki/Foo_(bar)"));
  EXPECT_THAT(Urls("(see https://en.wikipedia.org/wiki/Foo_(bar))."),
              ElementsAre("https://en.wikipedia.org/wiki/Foo_(bar)"));
  // Repeated until stable.
  EXPECT_THAT(Urls("(is.gd/Qx1).)\""), ElementsAre("is.gd/Qx1"));
}

// A match never starts inside an earlier one.
TEST(UrlsTest, NoMatchInsideAMatch) {
  const UrlMatch m = OnlyUrl("https://acme.example/go?src=bit.ly");
  EXPECT_EQ(PublicShorteners().Match(m.host), "");
  EXPECT_THAT(Urls("acme.example/go?u=https://bit.ly/x next.example"),
              ElementsAre("acme.example/go?u=https://bit.ly/x", "next.example"));
  const UrlScan scan = FindUrls("https://acme.example/u?to=ann@acme.example");
  EXPECT_EQ(scan.urls.size(), 1u);
  EXPECT_THAT(scan.emails, IsEmpty());
}

TEST(UrlsTest, Emails) {
  const UrlScan ann = FindUrls("ann@acme.example");
  EXPECT_THAT(ann.urls, IsEmpty());
  ASSERT_EQ(ann.emails.size(), 1u);
  EXPECT_EQ(ann.emails[0].begin, 0u);
  EXPECT_EQ(ann.emails[0].end, 16u);
  // "john.name" has a known TLD; it is still the local part.
  EXPECT_THAT(Urls("Mail john.name@acme.com"), IsEmpty());
  EXPECT_THAT(Emails("Mail john.name@acme.com"), ElementsAre("john.name@acme.com"));
  EXPECT_THAT(Emails("mailto:ann@acme.example"), ElementsAre("ann@acme.example"));
  EXPECT_THAT(Emails("Email a.b+tag@mail.acme.example."),
              ElementsAre("a.b+tag@mail.acme.example"));
  EXPECT_THAT(Emails("(ann@acme.example, bob_2@acme.example)"),
              ElementsAre("ann@acme.example", "bob_2@acme.example"));
  EXPECT_THAT(Emails("jos\xC3\xA9@b\xC3\xBC" "cher.example"),
              ElementsAre("jos\xC3\xA9@b\xC3\xBC" "cher.example"));
  EXPECT_THAT(Emails("ann@localhost @acme.example ann@ @"), IsEmpty());
  EXPECT_THAT(Urls("user.name@localhost"), IsEmpty());
}

TEST(UrlsTest, Idn) {
  constexpr std::string_view kBody = "https://b\xC3\xBC" "cher.example/x";  // bücher
  const UrlMatch m = OnlyUrl(kBody);
  EXPECT_EQ(m.host, "xn--bcher-kva.example");
  EXPECT_FALSE(m.idna_error);
  EXPECT_EQ(Text(kBody, m.host_begin, m.host_end), "b\xC3\xBC" "cher.example");
  // Scheme-less, upper case, and punycode as written.
  EXPECT_EQ(OnlyUrl("at b\xC3\xBC" "cher.example/x").host, "xn--bcher-kva.example");
  EXPECT_EQ(OnlyUrl("B\xC3\x9C" "CHER.example").host, "xn--bcher-kva.example");
  EXPECT_EQ(OnlyUrl("XN--BCHER-KVA.example/x").host, "xn--bcher-kva.example");
  // An IDN TLD is known by its punycode form: пример.рф
  EXPECT_EQ(OnlyUrl("\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84").host,
            "xn--e1afmkfd.xn--p1ai");
  // Fullwidth letters map to ASCII (ｂｉｔ.ｌｙ), with and without a scheme.
  constexpr std::string_view kFullwidth =
      "\xEF\xBD\x82\xEF\xBD\x89\xEF\xBD\x94.\xEF\xBD\x8C\xEF\xBD\x99/x";
  EXPECT_EQ(OnlyUrl(kFullwidth).host, "bit.ly");
  EXPECT_EQ(OnlyUrl("https://" + std::string(kFullwidth)).host, "bit.ly");
  // Invalid punycode keeps the lower-cased text.
  const UrlMatch bad = OnlyUrl("https://XN--A.example/");
  EXPECT_TRUE(bad.idna_error);
  EXPECT_EQ(bad.host, "xn--a.example");
}

TEST(UrlsTest, QuickReject) {
  EXPECT_THAT(FindUrls("").urls, IsEmpty());
  EXPECT_THAT(FindUrls("Hi Sam, your cleaning is Tue at 9:30. Reply STOP to opt out.").urls,
              IsEmpty());
}

// Invariants on any input: ranges in order, disjoint, inside the body, the
// host inside its URL.
void CheckInvariants(std::string_view body) {
  const UrlScan scan = FindUrls(body);
  size_t last = 0;
  for (const UrlMatch& m : scan.urls) {
    ASSERT_LE(last, m.begin);
    ASSERT_LT(m.begin, m.end);
    ASSERT_LE(m.end, body.size());
    ASSERT_LE(m.begin, m.host_begin);
    ASSERT_LE(m.host_begin, m.host_end);
    ASSERT_LE(m.host_end, m.end);
    last = m.end;
  }
  last = 0;
  for (const TextRange& r : scan.emails) {
    ASSERT_LE(last, r.begin);
    ASSERT_LT(r.begin, r.end);
    ASSERT_LE(r.end, body.size());
    for (const UrlMatch& m : scan.urls) ASSERT_TRUE(r.end <= m.begin || m.end <= r.begin);
    last = r.end;
  }
}

TEST(UrlsTest, InvalidUtf8NeverCrashes) {
  const std::vector<std::string> bodies = {
      "\xFF", "\xC3", "a.\xE2\x80", "https://\xFF\xFE.com/x", "bit.ly\x80/x",
      "https://b\xC3.ly/x", "\xF0\x9F\x98.com", "x@\xC3\xA9\xFF.com", "http://[\xFF]/",
      "https://acme.example/\xED\xA0\x80", "\x80\x80\x80.com", "ann@acme.example\xC2",
      std::string("a.co\0b.co/\0", 11), "https://%FF%FE.com/", "http://%", "a@b.c@d.com"};
  for (const std::string& b : bodies) CheckInvariants(b);
  EXPECT_TRUE(OnlyUrl("https://\xFF\xFE.com/x").idna_error);
  EXPECT_THAT(Urls("bit.ly\x80/x"), ElementsAre("bit.ly"));
}

TEST(UrlsTest, RandomBytesNeverCrash) {
  // Bytes drawn from URL syntax, UTF-8 pieces and junk, so that partial
  // URLs, e-mails and invalid sequences all occur.
  const std::vector<std::string> pieces = {
      "http", "https", "://", ".", ".com", ".ly", "bit", "@", "/", ":", "8080", "[", "]",
      "(", ")", "xn--", "1", "255", ".", " ", "\xC3\xBC", "\xE2\x80\xA6", "\xFF", "\xC3",
      "\xE2\x80", "%", "-", "_", "?", "#", "\xEF\xBC\x8E", "\t", "\xD1\x80\xD1\x84"};
  std::mt19937 rng(12345);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string body;
    const int len = static_cast<int>(rng() % 24);
    for (int k = 0; k < len; ++k) body += pieces[rng() % pieces.size()];
    CheckInvariants(body);
  }
}

TEST(HostSetTest, LabelBoundary) {
  HostSet set;
  set.Add("bit.ly");
  EXPECT_EQ(set.Match("bit.ly"), "bit.ly");
  EXPECT_EQ(set.Match("www.bit.ly"), "bit.ly");
  EXPECT_EQ(set.Match("a.b.bit.ly"), "bit.ly");
  EXPECT_EQ(set.Match("mybit.ly"), "");
  EXPECT_EQ(set.Match("bit.ly.example.com"), "");
  EXPECT_EQ(set.Match("bit.lyx"), "");
  EXPECT_EQ(set.Match("ly"), "");
  EXPECT_EQ(set.Match(""), "");
  EXPECT_EQ(HostSet().Match("bit.ly"), "");
}

TEST(HostSetTest, AddNormalises) {
  HostSet set;
  set.Add("T.CO.");
  set.Add("B\xC3\xBC" "cher.Example");
  set.Add("");
  EXPECT_EQ(set.size(), 2u);
  EXPECT_EQ(set.Match("t.co"), "t.co");
  EXPECT_EQ(set.Match("t.com"), "");
  EXPECT_EQ(set.Match("shop.xn--bcher-kva.example"), "xn--bcher-kva.example");
}

TEST(HostSetTest, MostSpecificEntry) {
  HostSet set;
  set.Add("example.com");
  set.Add("go.example.com");
  EXPECT_EQ(set.Match("a.go.example.com"), "go.example.com");
  EXPECT_EQ(set.Match("a.example.com"), "example.com");
}

TEST(HostSetTest, PublicShorteners) {
  const HostSet& s = PublicShorteners();
  EXPECT_EQ(s.size(), 1251u);
  EXPECT_EQ(s.Match("bit.ly"), "bit.ly");
  EXPECT_EQ(s.Match("tinyurl.com"), "tinyurl.com");
  EXPECT_EQ(s.Match("t.co"), "t.co");
  EXPECT_EQ(s.Match("t.com"), "");
  EXPECT_EQ(&s, &PublicShorteners());
}

TEST(TldTest, Known) {
  for (const std::string_view tld :
       {"com", "ly", "org", "xn--p1ai", "example", "test", "invalid", "localhost"}) {
    EXPECT_TRUE(IsKnownTld(tld)) << tld;
  }
  for (const std::string_view tld : {"", "zz", "COM", "pdf", "jpeg", ".com"}) {
    EXPECT_FALSE(IsKnownTld(tld)) << tld;
  }
}

}  // namespace
}  // namespace smslint::internal
