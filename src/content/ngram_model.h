// The hashed character n-gram model behind content/statistical-signal
// (docs/content.md, "Statistical signal"): a logistic regression over the
// n-grams of the lexical view's words(), trained on the train split of the
// SMS Spam Collection by tools/fit_content_model.py. The weights are data
// (data/content/ngram_model.txt), compiled in as src/gen/content_ngram_model.inc.
//
// The text is read in one pass with a fixed window and no allocation: ASCII
// letters lower-cased, digits folded to '0' (when the model says so), runs
// of ASCII white space read as one space, other bytes (UTF-8) as they are;
// the text counts as padded with one space at each end. Every n-gram of
// n_min..n_max of those characters is hashed (FNV-1a, 32 bits) into one of
// 2^bits buckets. The logit is intercept + sum(weight[bucket]) / sqrt(count).
#ifndef SMSLINT_SRC_CONTENT_NGRAM_MODEL_H_
#define SMSLINT_SRC_CONTENT_NGRAM_MODEL_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace smslint::internal {

struct NgramShape {
  int n_min;
  int n_max;  // at most kNgramMaxN
  int bits;
  bool fold_digits;
};
inline constexpr size_t kNgramMaxN = 8;

// Calls f(bucket, begin, end) for every n-gram of `text`, in order of its
// last character; [begin, end) are offsets into `text` (a padding space
// has an empty range at 0 or text.size()). With kNoInnerSpace, only the
// n-grams with no space between their first and last character (the ones
// a reader can be shown): longer ones are not hashed.
template <bool kNoInnerSpace = false, typename F>
void ForEachNgram(std::string_view text, const NgramShape& shape, F&& f) {
  struct Char {
    uint8_t byte;
    uint32_t begin, end;
  };
  std::array<Char, kNgramMaxN> window{};  // a ring; kNgramMaxN is a power of 2
  int filled = 0;
  size_t head = 0;  // characters pushed so far
  const uint32_t mask = (uint32_t{1} << shape.bits) - 1;
  auto push = [&](uint8_t byte, uint32_t begin, uint32_t end) {
    window[head++ & (kNgramMaxN - 1)] = {byte, begin, end};
    if (filled < shape.n_max) ++filled;
    // The n-grams ending here, built backwards from the last character.
    uint32_t h = 2166136261u;
    for (int n = 1; n <= filled; ++n) {
      const Char& c = window[(head - static_cast<size_t>(n)) & (kNgramMaxN - 1)];
      h = (h ^ c.byte) * 16777619u;
      if (n >= shape.n_min) f((h ^ (h >> 16)) & mask, c.begin, end);
      // A space first here is inside every longer n-gram.
      if constexpr (kNoInnerSpace) {
        if (n >= 2 && c.byte == ' ') break;
      }
    }
  };
  bool space = true;  // the leading pad
  push(' ', 0, 0);
  for (size_t i = 0; i < text.size(); ++i) {
    uint8_t b = static_cast<uint8_t>(text[i]);
    if (b == ' ' || (b >= '\t' && b <= '\r')) {
      if (space) continue;
      b = ' ';
      space = true;
    } else {
      space = false;
      if (b >= 'A' && b <= 'Z') {
        b = static_cast<uint8_t>(b | 0x20);
      } else if (shape.fold_digits && b >= '0' && b <= '9') {
        b = '0';
      }
    }
    push(b, static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1));
  }
  if (!space) {
    const auto n = static_cast<uint32_t>(text.size());
    push(' ', n, n);
  }
}

// The model's verdict on a text.
struct NgramVerdict {
  double probability = 0;  // of spam
  struct Strong {
    uint32_t begin, end;  // offsets into the text, trimmed of spaces
    double weight;
  };
  std::vector<Strong> strongest;  // by weight, not overlapping; only if asked
};

// The compiled-in model (src/gen/content_ngram_model.inc).
const NgramShape& NgramModelShape();
// A bucket's weight, in the model's int8 steps (tests' oracle).
int NgramModelWeight(uint32_t bucket);
// The cheap pass's integer sum of weights and its n-gram count; `vector`
// false takes the scalar path even where AVX2 is available (tests).
struct NgramSum {
  int32_t sum = 0;
  uint32_t count = 0;
};
NgramSum NgramModelSum(std::string_view text, bool vector = true);
double NgramModelThreshold();  // the probability from which the rule fires
// Whether the model's probability for `text` reaches the threshold: the
// cheap pass every body gets (no allocation, no exp).
bool NgramModelFires(std::string_view text);
// Scores `text`; with `strongest` > 0 also names up to that many n-grams of
// positive weight: three bytes or more, no space inside, not overlapping
// and not contained in one another (case-insensitively), and `accept`ed.
NgramVerdict ScoreNgrams(
    std::string_view text, size_t strongest = 0,
    const std::function<bool(uint32_t begin, uint32_t end)>& accept = nullptr);
// ScoreNgrams when NgramModelFires, from one pass over the text for both
// (the rule's path: the score of a body that does not fire is not needed).
std::optional<NgramVerdict> ScoreNgramsIfFires(
    std::string_view text, size_t strongest,
    const std::function<bool(uint32_t begin, uint32_t end)>& accept);

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_CONTENT_NGRAM_MODEL_H_
