// The messages of the SMS Spam Collection (data/corpora/sms_spam_collection;
// its path comes from meson as SMSLINT_SPAM_COLLECTION), read by the
// content tests that check a fast path against its reference on real SMS.
#ifndef SMSLINT_TESTS_UNIT_CONTENT_SPAM_COLLECTION_H_
#define SMSLINT_TESTS_UNIT_CONTENT_SPAM_COLLECTION_H_

#include <fstream>
#include <string>
#include <vector>

namespace smslint::testing {

// Each line's text after the label and tab; empty if the file is missing
// (callers assert on the size).
inline std::vector<std::string> SpamCollectionTexts() {
  std::vector<std::string> out;
  std::ifstream in(SMSLINT_SPAM_COLLECTION);
  std::string line;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (tab != std::string::npos) out.push_back(line.substr(tab + 1));
  }
  return out;
}

}  // namespace smslint::testing

#endif  // SMSLINT_TESTS_UNIT_CONTENT_SPAM_COLLECTION_H_
