#include "content/ngram_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

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

// The cheap pass every body gets. The text is first read into a stream of
// model characters (ASCII letters lower-cased, white-space runs as one
// space, a padding space at each end, as ForEachNgram reads it), a chunk at
// a time on the stack; then every n-gram is hashed from the stream. With
// AVX2, eight stream positions are hashed at once (the FNV-1a steps are
// 32-bit multiplies, exact in vector lanes) and only the weight look-ups
// stay scalar: the per-character hashing was most of the pass, and the
// pass was ~15 % of a one-segment Lint. The integer sum does not depend on
// the order, so it is the same sum (ngram_model_test compares it with
// ForEachNgram's on the SMS corpus).
constexpr int kNMin = kModelShape.n_min;
constexpr int kNMax = kModelShape.n_max;
constexpr uint32_t kBasis = 2166136261u;
constexpr uint32_t kPrime = 16777619u;
constexpr uint32_t kMask = (uint32_t{1} << kModelShape.bits) - 1;
constexpr size_t kCarry = kNMax - 1;  // characters before a full window

// Sums the n-grams ending at positions [from, to) of `s`, each with kNMax - 1
// stream characters before it.
int32_t SumFullScalar(const uint8_t* s, size_t from, size_t to) {
  int32_t sum = 0;
  for (size_t i = from; i < to; ++i) {
    uint32_t h = kBasis;
    for (int n = 1; n <= kNMax; ++n) {
      h = (h ^ s[i - (n - 1)]) * kPrime;
      if (n >= kNMin) sum += kDense[(h ^ (h >> 16)) & kMask];
    }
  }
  return sum;
}

#if defined(__x86_64__)
[[gnu::target("avx2")]] int32_t SumFullAvx2(const uint8_t* s, size_t from, size_t to) {
  int32_t sum = 0;
  size_t i = from;
  alignas(32) uint32_t buckets[(kNMax - kNMin + 1) * 8];
  const __m256i basis = _mm256_set1_epi32(static_cast<int>(kBasis));
  const __m256i prime = _mm256_set1_epi32(static_cast<int>(kPrime));
  const __m256i mask = _mm256_set1_epi32(static_cast<int>(kMask));
  for (; i + 8 <= to; i += 8) {
    __m256i h = basis;
    for (int n = 1; n <= kNMax; ++n) {
      const __m128i bytes =
          _mm_loadl_epi64(reinterpret_cast<const __m128i*>(s + i - (n - 1)));
      h = _mm256_mullo_epi32(_mm256_xor_si256(h, _mm256_cvtepu8_epi32(bytes)), prime);
      if (n >= kNMin) {
        const __m256i b = _mm256_and_si256(_mm256_xor_si256(h, _mm256_srli_epi32(h, 16)), mask);
        _mm256_store_si256(reinterpret_cast<__m256i*>(buckets + (n - kNMin) * 8), b);
      }
    }
    for (const uint32_t b : buckets) sum += kDense[b];
  }
  return sum + SumFullScalar(s, i, to);
}

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
#endif

int32_t SumFull(const uint8_t* s, size_t from, size_t to, bool vector) {
#if defined(__x86_64__)
  if (vector && HasAvx2()) return SumFullAvx2(s, from, to);
#endif
  (void)vector;
  return SumFullScalar(s, from, to);
}

}  // namespace

NgramSum NgramModelSum(std::string_view text, bool vector) {
  static constexpr std::array<uint16_t, 256> kRead = [] {
    std::array<uint16_t, 256> t{};
    for (int b = 0; b < 256; ++b) {
      if (b == ' ' || (b >= '\t' && b <= '\r')) {
        t[b] = 0x100;  // white space
      } else if (b >= 'A' && b <= 'Z') {
        t[b] = static_cast<uint16_t>(b | 0x20);
      } else if (kModelShape.fold_digits && b >= '0' && b <= '9') {
        t[b] = '0';
      } else {
        t[b] = static_cast<uint16_t>(b);
      }
    }
    return t;
  }();
  constexpr size_t kChunk = 2048;
  // 8 bytes of slack: the vector loop loads 8 bytes from each window start.
  uint8_t buf[kCarry + kChunk + 8];
  size_t fill = 0;   // characters in buf
  size_t done = 0;   // positions of buf already summed
  size_t base = 0;   // stream position of buf[0]
  int32_t sum = 0;
  auto flush = [&] {
    size_t l = done;
    // The stream's first positions have shorter windows.
    for (; l < fill && base + l < kCarry; ++l) {
      uint32_t h = kBasis;
      for (size_t n = 1; n <= base + l + 1; ++n) {
        h = (h ^ buf[l - (n - 1)]) * kPrime;
        if (n >= static_cast<size_t>(kNMin)) sum += kDense[(h ^ (h >> 16)) & kMask];
      }
    }
    sum += SumFull(buf, l, fill, vector);
    done = fill;
  };
  auto put = [&](uint8_t ch) {
    if (fill == kCarry + kChunk) {
      flush();
      std::memmove(buf, buf + fill - kCarry, kCarry);
      base += fill - kCarry;
      fill = done = kCarry;
    }
    buf[fill++] = ch;
  };
  bool space = true;  // the leading pad
  put(' ');
  for (const char ch : text) {
    const uint16_t b = kRead[static_cast<uint8_t>(ch)];
    if (b == 0x100) {
      if (space) continue;
      space = true;
      put(' ');
    } else {
      space = false;
      put(static_cast<uint8_t>(b));
    }
  }
  if (!space) put(' ');
  flush();
  // Position j has min(j + 1, kNMax) characters, so min(j + 1, kNMax) -
  // kNMin + 1 n-grams (none below kNMin characters).
  const uint64_t positions = base + fill;
  uint64_t count = 0;
  for (uint64_t j = 0; j < positions && j + 1 < static_cast<uint64_t>(kNMax); ++j) {
    if (j + 1 >= static_cast<uint64_t>(kNMin)) count += j + 1 - kNMin + 1;
  }
  if (positions >= static_cast<uint64_t>(kNMax)) {
    count += (positions - (kNMax - 1)) * static_cast<uint64_t>(kNMax - kNMin + 1);
  }
  NgramSum out;
  out.sum = sum;
  out.count = static_cast<uint32_t>(count);
  return out;
}

namespace {

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
  auto consider = [&](uint32_t bucket, uint32_t begin, uint32_t end) {
    const double weight = kModelQuant * kDense[bucket];
    if (kept == kKeep && weight < top[kKeep - 1].weight) return;
    // Trimmed of the padding spaces, widened to whole UTF-8 characters.
    while (begin < end && IsSpace(text[begin])) ++begin;
    while (end > begin && IsSpace(text[end - 1])) --end;
    // Two letters or a phrase fragment say little to a reader.
    if (end - begin < 3 || std::any_of(text.begin() + begin, text.begin() + end, IsSpace))
      return;
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
  };
  // Most n-grams are too weak to name: that test is inlined in the walk,
  // the rest is a call. N-grams with a space inside are never named, so
  // the walk does not hash them.
  ForEachNgram<true>(
      text, kModelShape,
      [&](uint32_t bucket, uint32_t begin, uint32_t end)
          __attribute__((always_inline)) {
            if (kDense[bucket] >= kNameMin) [[unlikely]]
              consider(bucket, begin, end);
          });
  auto lower = [&](const NgramVerdict::Strong& s) {
    std::string out(text.substr(s.begin, s.end - s.begin));
    for (char& ch : out)
      ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch | 0x20) : ch;
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

bool Fires(const NgramSum& s) { return s.count > 0 && Logit(s) >= kModelThresholdLogit; }

NgramVerdict Verdict(std::string_view text, const NgramSum& s, size_t strongest,
                     const std::function<bool(uint32_t, uint32_t)>& accept) {
  NgramVerdict verdict;
  verdict.probability = 1.0 / (1.0 + std::exp(-Logit(s)));
  if (strongest > 0) NameStrongest(text, strongest, accept, verdict);
  return verdict;
}

}  // namespace

const NgramShape& NgramModelShape() { return kModelShape; }
int NgramModelWeight(uint32_t bucket) { return kDense[bucket & kMask]; }
double NgramModelThreshold() { return kModelThreshold; }

NgramVerdict ScoreNgrams(std::string_view text, size_t strongest,
                         const std::function<bool(uint32_t, uint32_t)>& accept) {
  return Verdict(text, NgramModelSum(text), strongest, accept);
}

std::optional<NgramVerdict> ScoreNgramsIfFires(
    std::string_view text, size_t strongest,
    const std::function<bool(uint32_t, uint32_t)>& accept) {
  const NgramSum s = NgramModelSum(text);
  if (!Fires(s)) return std::nullopt;
  return Verdict(text, s, strongest, accept);
}

bool NgramModelFires(std::string_view text) { return Fires(NgramModelSum(text)); }

}  // namespace smslint::internal
