#include "batch/item_bytes.h"

#include <string>
#include <vector>

#include "batch/pipeline.h"

namespace smslint::cli {
namespace {

// A string's heap block (short strings live inside the object).
size_t Heap(const std::string& s) {
  return s.capacity() > 15 ? s.capacity() + 1 : 0;
}

template <typename T>
size_t VectorHeap(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

size_t StringsHeap(const std::vector<std::string>& v) {
  size_t n = VectorHeap(v);
  for (const std::string& s : v) n += Heap(s);
  return n;
}

size_t MessageBytes(const Message& m) {
  size_t n = Heap(m.id) + Heap(m.to) + Heap(m.from) +
             Heap(m.messaging_service_id) + Heap(m.body) + Heap(m.region) +
             Heap(m.brand) + StringsHeap(m.owned_domains) +
             StringsHeap(m.media_urls) + Heap(m.status_callback) +
             Heap(m.send_at) + Heap(m.schedule_type) + VectorHeap(m.media);
  for (const Media& media : m.media) {
    n += Heap(media.content_type);
    if (media.path) n += Heap(*media.path);
    if (media.bytes) n += Heap(*media.bytes);
  }
  return n;
}

size_t ReportBytes(const Report& r) {
  size_t n = Heap(r.id) + VectorHeap(r.diagnostics);
  for (const Diagnostic& d : r.diagnostics) {
    n += Heap(d.rule_id) + Heap(d.field) + Heap(d.message) + VectorHeap(d.args);
    for (const auto& [k, v] : d.args) n += Heap(k) + Heap(v);
    if (d.fix) {
      n += Heap(d.fix->description) + VectorHeap(d.fix->edits);
      for (const Edit& e : d.fix->edits) n += Heap(e.replacement);
    }
  }
  const SegmentInfo& s = r.segments;
  n += VectorHeap(s.segments) + VectorHeap(s.non_gsm) + Heap(s.smart_text);
  for (const NonGsmCharacter& c : s.non_gsm) n += Heap(c.text);
  n += VectorHeap(r.risk.contributions);
  return n;
}

}  // namespace

size_t InputBytes(const Record& record) {
  return sizeof(Item) + Heap(record.text) + StringsHeap(record.fields) +
         Heap(record.error);
}

size_t ItemBytes(const Item& item) {
  size_t problems = VectorHeap(item.record.problems);
  return InputBytes(item.record) + MessageBytes(item.record.message) +
         problems + ReportBytes(item.report) + Heap(item.out) +
         (item.fixed ? ReportBytes(*item.fixed) : 0) + StringsHeap(item.fixed_fields);
}

}  // namespace smslint::cli
