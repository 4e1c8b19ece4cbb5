#include "content/ngram_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace smslint::internal {
namespace {

struct BucketWeight {
  uint32_t bucket;
  int8_t q;
};

#include "gen/content_ngram_model.inc"

// The weights as a dense table built at compile time: one load per n-gram.
constexpr size_t kBuckets = size_t{1} << kModelShape.bits;
constexpr std::array<int8_t, kBuckets> DenseWeights() {
  std::array<int8_t, kBuckets> dense{};
  for (const BucketWeight& w : kModelWeights) dense[w.bucket] = w.q;
  return dense;
}
constexpr std::array<int8_t, kBuckets> kDense = DenseWeights();

// Weights below this (in int8 steps) are never named: weak n-grams are
// frequent, and skipping them keeps the naming pass small.
constexpr int8_t kNameMin = 8;

bool IsSpace(char ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
bool IsContinuation(char ch) { return (static_cast<unsigned char>(ch) & 0xC0) == 0x80; }

struct NgramSum {
  int32_t sum = 0;
  uint32_t count = 0;
};

// The cheap pass: the fast bucket walk (same buckets, same order as
// ForEachNgram: ngram_model_test), no allocation.
NgramSum SumNgrams(std::string_view text) {
  NgramSum s;
  ForEachNgramBucket<kModelShape.n_min, kModelShape.n_max, kModelShape.bits,
                     kModelShape.fold_digits>(text, [&](uint32_t bucket) {
    s.sum += kDense[bucket];
    ++s.count;
  });
  return s;
}

double Logit(const NgramSum& s) {
  return kModelIntercept +
         (s.count == 0 ? 0.0 : kModelQuant * s.sum / std::sqrt(double(s.count)));
}

// Names up to `strongest` n-grams of `text` into `verdict` (ScoreNgrams).
void NameStrongest(std::string_view text, size_t strongest,
                   const std::function<bool(uint32_t, uint32_t)>& accept,
                   NgramVerdict& verdict) {
  // The strongest 32 candidates, kept sorted as they stream by (strongest
  // first; ties by position): enough to find three distinct ones, and no
  // allocation per n-gram.
  constexpr size_t kKeep = 32;
  std::array<NgramVerdict::Strong, kKeep> top;
  size_t kept = 0;
  auto before = [](const NgramVerdict::Strong& a, const NgramVerdict::Strong& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  };
  ForEachNgram(text, kModelShape, [&](uint32_t bucket, uint32_t begin, uint32_t end) {
    if (kDense[bucket] < kNameMin) return;
    const double weight = kModelQuant * kDense[bucket];
    if (kept == kKeep && weight < top[kKeep - 1].weight) return;
    // Trimmed of the padding spaces, widened to whole UTF-8 characters.
    while (begin < end && IsSpace(text[begin])) ++begin;
    while (end > begin && IsSpace(text[end - 1])) --end;
    // Two letters or a phrase fragment say little to a reader.
    if (end - begin < 3 || std::any_of(text.begin() + begin, text.begin() + end, IsSpace)) return;
    while (begin > 0 && IsContinuation(text[begin])) --begin;
    while (end < text.size() && IsContinuation(text[end])) ++end;
    const NgramVerdict::Strong s{begin, end, weight};
    if (kept == kKeep) {
      if (!before(s, top[kKeep - 1])) return;
      --kept;  // the weakest goes
    }
    size_t at = kept++;
    for (; at > 0 && before(s, top[at - 1]); --at) top[at] = top[at - 1];
    top[at] = s;
  });
  auto lower = [&](const NgramVerdict::Strong& s) {
    std::string out(text.substr(s.begin, s.end - s.begin));
    for (char& ch : out) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch | 0x20) : ch;
    return out;
  };
  std::vector<std::string> named;
  for (size_t k = 0; k < kept; ++k) {
    const NgramVerdict::Strong& s = top[k];
    if (verdict.strongest.size() == strongest) break;
    // Cheap tests first: most candidates overlap one already named.
    const bool overlaps = std::any_of(
        verdict.strongest.begin(), verdict.strongest.end(),
        [&](const auto& t) { return s.begin < t.end && t.begin < s.end; });
    if (overlaps) continue;
    std::string here = lower(s);
    const bool repeats = std::any_of(named.begin(), named.end(), [&](const std::string& t) {
      return t.find(here) != std::string::npos || here.find(t) != std::string::npos;
    });
    if (repeats || (accept && !accept(s.begin, s.end))) continue;
    verdict.strongest.push_back(s);
    named.push_back(std::move(here));
  }
}

}  // namespace

const NgramShape& NgramModelShape() { return kModelShape; }
double NgramModelThreshold() { return kModelThreshold; }

NgramVerdict ScoreNgrams(std::string_view text, size_t strongest,
                         const std::function<bool(uint32_t, uint32_t)>& accept) {
  NgramVerdict verdict;
  verdict.probability = 1.0 / (1.0 + std::exp(-Logit(SumNgrams(text))));
  if (strongest > 0) NameStrongest(text, strongest, accept, verdict);
  return verdict;
}

std::optional<NgramVerdict> ScoreNgramsIfFires(
    std::string_view text, size_t strongest,
    const std::function<bool(uint32_t, uint32_t)>& accept) {
  const NgramSum s = SumNgrams(text);
  if (s.count == 0 || Logit(s) < kModelThresholdLogit) return std::nullopt;
  NgramVerdict verdict;
  verdict.probability = 1.0 / (1.0 + std::exp(-Logit(s)));
  if (strongest > 0) NameStrongest(text, strongest, accept, verdict);
  return verdict;
}

bool NgramModelFires(std::string_view text) {
  const NgramSum s = SumNgrams(text);
  return s.count > 0 && Logit(s) >= kModelThresholdLogit;
}

}  // namespace smslint::internal
