// The closed form of the reference calculator's packing: one segment up to
// 160 septets / 70 units, otherwise greedy bins of 153 / 67 that never
// split an item (an escape pair or a grapheme cluster). Shared by the
// engine's passes (segments.cc, ucs2_count.cc).
#ifndef SMSLINT_SRC_SEGMENTS_PACKER_H_
#define SMSLINT_SRC_SEGMENTS_PACKER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "smslint/segments.h"

namespace smslint::internal {

constexpr uint32_t kGsmSingle = 160;
constexpr uint32_t kGsmMulti = 153;  // 1072-bit payload / 7
constexpr uint32_t kUcs2Single = 70;
constexpr uint32_t kUcs2Multi = 67;  // 1072-bit payload / 16
constexpr uint32_t kUdhBits = 48;

// Greedy packing of items into segments. kDetail records segment spans.
template <bool kDetail>
class Packer {
 public:
  Packer(uint32_t multi_capacity, std::vector<SegmentSpan>* out)
      : capacity_(multi_capacity), out_(out) {}

  // One item of `size` starting at the given offsets.
  void Add(uint32_t size, size_t byte_pos, size_t utf16_pos) {
    if (used_ + size > capacity_ && used_ > 0) Close(byte_pos, utf16_pos);
    used_ += size;
    total_ += size;
  }

  // Whether `size` more fits in the current segment.
  bool Fits(uint32_t size) const { return used_ + size <= capacity_; }

  // Adds items of total `size` known to fit in the current segment.
  void AddWithin(uint32_t size) {
    used_ += size;
    total_ += size;
  }

  // `count` items of size 1, one byte and one UTF-16 unit each.
  void AddRun(uint32_t count, size_t byte_pos, size_t utf16_pos) {
    total_ += count;
    while (used_ + count > capacity_) {
      const uint32_t fits = capacity_ - used_;
      byte_pos += fits;
      utf16_pos += fits;
      count -= fits;
      used_ = capacity_;
      Close(byte_pos, utf16_pos);
    }
    used_ += count;
  }

  // Ends the text; returns the segment count. `single` is the one-segment
  // capacity: a total within it is one segment whatever the bins say.
  uint32_t Finish(uint32_t single, size_t byte_end, size_t utf16_end) {
    if (total_ <= single) {
      if constexpr (kDetail) {
        out_->clear();
        out_->push_back({{0, byte_end, 0, utf16_end},
                         static_cast<uint32_t>(total_), single});
      }
      return 1;
    }
    if constexpr (kDetail) {
      out_->push_back({{start_byte_, byte_end, start_utf16_, utf16_end},
                       used_, capacity_});
    }
    return bins_;
  }

  uint64_t total() const { return total_; }

  // The units left in the current segment.
  uint32_t Room() const { return capacity_ - used_; }

  // For a count without spans (kDetail false): items of `size` units in
  // all, which close at most one segment: before an item that starts
  // `cut` units in, which does not fit when the whole does not (0 when
  // the first does not). Without a branch.
  void AddPacked(uint32_t size, uint32_t cut) {
    const bool over = used_ + size > capacity_;
    bins_ += over;
    used_ = over ? size - cut : used_ + size;
    total_ += size;
  }

  // For a count without spans (kDetail false): one item of `size`, at most
  // the capacity, or nothing for 0; without a branch to mispredict.
  void AddCounted(uint32_t size) {
    const bool over = used_ + size > capacity_;
    bins_ += over;
    used_ = (over ? 0 : used_) + size;
    total_ += size;
  }

 private:
  void Close(size_t byte_pos, size_t utf16_pos) {
    if constexpr (kDetail) {
      out_->push_back({{start_byte_, byte_pos, start_utf16_, utf16_pos},
                       used_, capacity_});
      start_byte_ = byte_pos;
      start_utf16_ = utf16_pos;
    }
    ++bins_;
    used_ = 0;
  }

  const uint32_t capacity_;
  std::vector<SegmentSpan>* const out_;
  uint32_t used_ = 0;
  uint32_t bins_ = 1;
  uint64_t total_ = 0;
  size_t start_byte_ = 0;
  size_t start_utf16_ = 0;
};

}  // namespace smslint::internal

#endif  // SMSLINT_SRC_SEGMENTS_PACKER_H_
