// How much memory a row in the batch pipeline holds, for its byte budget
// (docs/batch.md, "Threads and memory"): an estimate from sizes and
// capacities, not an exact count of the allocator's use.
#ifndef SMSLINT_CLI_BATCH_ITEM_BYTES_H_
#define SMSLINT_CLI_BATCH_ITEM_BYTES_H_

#include <cstddef>

#include "records/record.h"
#include "smslint/report.h"

namespace smslint::cli {

struct Item;

// What RecordSource::Read left in the record: its raw text and fields.
size_t InputBytes(const Record& record);

// Everything the item holds once processed: the record (raw and decoded),
// the report with its lists, and the rendered output.
size_t ItemBytes(const Item& item);

}  // namespace smslint::cli

#endif  // SMSLINT_CLI_BATCH_ITEM_BYTES_H_
