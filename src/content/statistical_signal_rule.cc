// content/statistical-signal: the hashed n-gram model (content/ngram_model.h)
// over the text the phrase lexicons read. Every body gets the cheap pass;
// the strongest n-grams are looked for only when the rule fires.
#include <cmath>
#include <optional>
#include <string>

#include "content/content_checks.h"
#include "content/ngram_model.h"

namespace smslint::internal {

void CheckStatisticalSignal(const ContentContext& c) {
  const std::string_view words = c.view.words();
  // Only n-grams read as written (not inside a text-speak replacement or
  // an NFC change): the message quotes them from the body.
  const std::optional<NgramVerdict> fired =
      ScoreNgramsIfFires(words, 3, [&](uint32_t begin, uint32_t end) {
        return c.view.WordsToBody(end) - c.view.WordsToBody(begin) == end - begin;
      });
  if (!fired) return;
  const NgramVerdict& verdict = *fired;
  std::string ngrams;
  for (const NgramVerdict::Strong& s : verdict.strongest) {
    const size_t b = c.view.WordsToBody(s.begin), e = c.view.WordsToBody(s.end);
    if (!ngrams.empty()) ngrams += ", ";
    ngrams += '\'';
    ngrams += c.body.substr(b, e - b);
    ngrams += '\'';
  }
  std::optional<Span> span;
  if (!verdict.strongest.empty()) {
    span = c.WordsSpan(verdict.strongest[0].begin, verdict.strongest[0].end);
  }
  c.emit(rule::kContentStatisticalSignal, "body", span,
         {{"percent", std::to_string(static_cast<int>(std::floor(verdict.probability * 100)))},
          {"ngrams", ngrams}});
}

}  // namespace smslint::internal
