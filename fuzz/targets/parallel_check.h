// The fuzz invariant of the parallel events reader: reading an events table on
// several threads in tiny chunks gives exactly what one thread gives — the same
// status and message, counts, kept examples and store.
#pragma once

#include <algorithm>
#include <string_view>

#include "clm/event_store.h"
#include "clm/ingest.h"
#include "clm/status.h"
#include "clm/time.h"
#include "fuzz_util.h"
#include "io/parallel_read.h"
#include "io/text_input.h"

namespace clm::fuzz {

inline bool same_loads(const TableLoad& a, const TableLoad& b) {
  if (a.rows_read != b.rows_read || a.rows_kept != b.rows_kept ||
      a.rejected_by_reason != b.rejected_by_reason || a.examples.size() != b.examples.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.examples.size(); ++i) {
    const RowRejection& x = a.examples[i];
    const RowRejection& y = b.examples[i];
    if (x.location != y.location || x.column != y.column || x.reason != y.reason ||
        x.value != y.value) {
      return false;
    }
  }
  return true;
}

inline bool same_stores(const EventStore& a, const EventStore& b) {
  auto same = [](auto x, auto y) { return std::equal(x.begin(), x.end(), y.begin(), y.end()); };
  if (a.customer_count() != b.customer_count() || a.event_count() != b.event_count() ||
      !same(a.times(), b.times()) || !same(a.types(), b.types()) ||
      !same(a.amounts(), b.amounts()) || !same(a.scores(), b.scores()) ||
      !same(a.event_channels(), b.event_channels()) || !same(a.campaigns(), b.campaigns()) ||
      a.channels().size() != b.channels().size() ||
      a.campaign_names().size() != b.campaign_names().size() ||
      a.custom_type_count() != b.custom_type_count()) {
    return false;
  }
  for (CustomerIndex c = 0; c < a.customer_count(); ++c) {
    if (a.customer_id(c) != b.customer_id(c) || a.events_of(c).begin != b.events_of(c).begin) {
      return false;
    }
  }
  for (SymbolId s = 0; s < a.channels().size(); ++s) {
    if (a.channels().name(s) != b.channels().name(s)) return false;
  }
  for (SymbolId s = 0; s < a.campaign_names().size(); ++s) {
    if (a.campaign_names().name(s) != b.campaign_names().name(s)) return false;
  }
  for (std::size_t t = 0; t < a.custom_type_count(); ++t) {
    const auto code = static_cast<TypeCode>(kFirstCustomType + t);
    if (a.type_name(code) != b.type_name(code)) return false;
  }
  return true;
}

// `format` is CSV or JSON Lines (the formats read in parallel).
inline void check_parallel_events(std::string_view data, InputFormat format, const TimeZone& tz) {
  const io::InputBuffer copy = io::InputBuffer::copy_of(data);  // padded, as simdjson needs
  for (const bool lenient : {false, true}) {
    ReadOptions options;
    options.tz = tz;
    options.max_examples = 3;
    options.lenient = lenient;
    EventStoreBuilder one_builder, many_builder;
    TableLoad one_load, many_load;
    const Status one =
        io::read_events_parallel(copy.text(), "events", format, options, one_builder, one_load, 1);
    // Chunks of at least 8 bytes on 3 threads: most inputs are cut several times.
    const Status many = io::read_events_parallel(copy.text(), "events", format, options,
                                                 many_builder, many_load, 3, 8);
    CLM_FUZZ_CHECK(one.code() == many.code());
    CLM_FUZZ_CHECK(one.message() == many.message());
    if (!one.ok()) continue;
    CLM_FUZZ_CHECK(same_loads(one_load, many_load));
    Result<EventStore> a = one_builder.build();
    Result<EventStore> b = many_builder.build();
    CLM_FUZZ_CHECK(a.ok() == b.ok());
    if (a.ok()) CLM_FUZZ_CHECK(same_stores(*a, *b));
  }
}

}  // namespace clm::fuzz
