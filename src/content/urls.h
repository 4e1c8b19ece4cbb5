// File: urls.h
//
// URLs in message bodies, for the content-risk rules (docs/urls.md): one
// include for the scanner (url_scanner.h), host normalisation
// (host_normalize.h) and label-boundary host sets (host_set.h).
//
//   UrlScan s = FindUrls("Deals: HTTPS://TinyURL.com/y7abc. Reply STOP");
//   assert(s.urls.size() == 1);
//   assert(s.urls[0].host == "tinyurl.com");    // lower-cased, IDNA ASCII
//   assert(s.urls[0].end == 32);                // the final "." is trimmed
//   assert(PublicShorteners().Match("www.tinyurl.com") == "tinyurl.com");
//   assert(PublicShorteners().Match("mybit.ly").empty());
#ifndef SMSLINT_SRC_CONTENT_URLS_H_
#define SMSLINT_SRC_CONTENT_URLS_H_

#include "content/host_normalize.h"
#include "content/host_set.h"
#include "content/url_scanner.h"

#endif  // SMSLINT_SRC_CONTENT_URLS_H_
