// Shared by the CSV and JSON reader targets: read one table in strict and in
// lenient mode and check what the readers promise (ingest.h, docs/input.md):
//  - failures are DataError or InvalidArgument with a message, never Internal;
//  - lenient mode accounts for every row: read == kept + rejected;
//  - strict success means nothing was rejected, and lenient mode then keeps
//    exactly the same rows; a strict failure that lenient mode survives was a
//    bad row, so lenient mode must have rejected at least one;
//  - the events kept reach the builder, and the store it builds is well formed.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "clm/event_store.h"
#include "clm/ingest.h"
#include "clm/status.h"
#include "clm/time.h"
#include "fuzz_util.h"

namespace clm::fuzz {

enum class FuzzTable { kEvents, kCustomers, kSpend };

inline FuzzTable table_of(std::uint8_t config) {
  switch (config % 3) {
    case 0:
      return FuzzTable::kEvents;
    case 1:
      return FuzzTable::kCustomers;
    default:
      return FuzzTable::kSpend;
  }
}

inline Status read_table(FuzzTable table, std::string_view data, InputFormat format,
                         const ReadOptions& options, EventStoreBuilder& builder, TableLoad& load) {
  switch (table) {
    case FuzzTable::kEvents:
      return read_events(data, "fuzz", format, options, builder, load);
    case FuzzTable::kCustomers:
      return read_customers(data, "fuzz", format, options, builder, load);
    case FuzzTable::kSpend:
      return read_spend(data, "fuzz", format, options, builder, load);
  }
  return Status::Internal("unreachable");
}

inline void check_failure(const Status& s) {
  CLM_FUZZ_CHECK(s.code() == Status::Code::kDataError ||
                 s.code() == Status::Code::kInvalidArgument);
  CLM_FUZZ_CHECK(!s.message().empty());
}

// The structural promises of EventStore (event_store.h).
inline void check_store(const EventStore& store) {
  const std::size_t n = store.customer_count();
  const std::size_t e = store.event_count();
  CLM_FUZZ_CHECK(store.types().size() == e && store.amounts().size() == e &&
                 store.scores().size() == e && store.event_channels().size() == e &&
                 store.campaigns().size() == e);
  std::size_t covered = 0;
  for (std::size_t c = 0; c < n; ++c) {
    const auto ci = static_cast<CustomerIndex>(c);
    if (c > 0) CLM_FUZZ_CHECK(store.customer_id(ci - 1) < store.customer_id(ci));
    CLM_FUZZ_CHECK(store.find_customer(store.customer_id(ci)) == ci);
    const EventRange r = store.events_of(ci);
    CLM_FUZZ_CHECK(r.begin == covered && r.begin <= r.end && r.end <= e);
    covered = r.end;
    for (std::size_t i = r.begin; i + 1 < r.end; ++i) {
      CLM_FUZZ_CHECK(store.times()[i] <= store.times()[i + 1]);
    }
  }
  CLM_FUZZ_CHECK(covered == e);
  if (e > 0) {
    const auto [lo, hi] = std::minmax_element(store.times().begin(), store.times().end());
    CLM_FUZZ_CHECK(*lo == store.min_event_time() && *hi == store.max_event_time());
  }
  std::int64_t typed = 0;
  for (std::size_t t = 0; t < kFirstCustomType + store.custom_type_count(); ++t) {
    typed += store.count_of_type(static_cast<TypeCode>(t));
  }
  CLM_FUZZ_CHECK(typed == static_cast<std::int64_t>(e));
  for (std::size_t i = 1; i < store.spend_count(); ++i) {
    CLM_FUZZ_CHECK(store.spend_dates()[i - 1] <= store.spend_dates()[i]);
  }
  for (const Money m : store.spend_amounts()) CLM_FUZZ_CHECK(m >= 0);
}

// Reads `data` as `table` in both modes and checks the promises above.
inline void check_reader(FuzzTable table, std::string_view data, InputFormat format,
                         const TimeZone& tz) {
  ReadOptions options;
  options.tz = tz;
  options.max_examples = 3;

  EventStoreBuilder strict_builder;
  TableLoad strict_load;
  options.lenient = false;
  const Status strict = read_table(table, data, format, options, strict_builder, strict_load);
  if (strict.ok()) {
    CLM_FUZZ_CHECK(strict_load.rows_rejected() == 0);
    CLM_FUZZ_CHECK(strict_load.rows_read == strict_load.rows_kept);
  } else {
    check_failure(strict);
  }

  EventStoreBuilder lenient_builder;
  TableLoad lenient_load;
  options.lenient = true;
  const Status lenient = read_table(table, data, format, options, lenient_builder, lenient_load);
  if (lenient.ok()) {
    CLM_FUZZ_CHECK(lenient_load.rows_read >= 0 && lenient_load.rows_kept >= 0);
    CLM_FUZZ_CHECK(lenient_load.rows_read == lenient_load.rows_kept + lenient_load.rows_rejected());
    for (const auto& [reason, rows] : lenient_load.rejected_by_reason) {
      CLM_FUZZ_CHECK(!reason.empty() && rows > 0);
    }
    CLM_FUZZ_CHECK(lenient_load.examples.size() <= options.max_examples);
    CLM_FUZZ_CHECK(static_cast<std::int64_t>(lenient_load.examples.size()) <=
                   lenient_load.rows_rejected());
    if (lenient_load.rows_rejected() > 0) CLM_FUZZ_CHECK(!lenient_load.examples.empty());
    if (table == FuzzTable::kEvents) {
      CLM_FUZZ_CHECK(lenient_builder.event_count() ==
                     static_cast<std::size_t>(lenient_load.rows_kept));
    }
    if (!strict.ok()) CLM_FUZZ_CHECK(lenient_load.rows_rejected() > 0);
  } else {
    check_failure(lenient);
  }
  if (strict.ok()) {
    CLM_FUZZ_CHECK(lenient.ok());
    CLM_FUZZ_CHECK(lenient_load.rows_rejected() == 0);
    CLM_FUZZ_CHECK(lenient_load.rows_kept == strict_load.rows_kept);
  }

  if (!lenient.ok()) return;
  Result<EventStore> store = lenient_builder.build();
  if (!store.ok()) {
    // Only the money-overflow guard may refuse rows the reader accepted.
    CLM_FUZZ_CHECK(store.status().code() == Status::Code::kDataError);
    return;
  }
  check_store(*store);
  if (table == FuzzTable::kEvents) {
    CLM_FUZZ_CHECK(store->event_count() == static_cast<std::size_t>(lenient_load.rows_kept));
  }
  if (table == FuzzTable::kCustomers) {
    CLM_FUZZ_CHECK(store->customer_count() == static_cast<std::size_t>(lenient_load.rows_kept));
  }
  if (table == FuzzTable::kSpend) {
    CLM_FUZZ_CHECK(store->spend_count() == static_cast<std::size_t>(lenient_load.rows_kept));
  }
}

// UTC or a zone with daylight saving time (tz database required).
inline const TimeZone& fuzz_zone(bool dst) {
  static const TimeZone berlin = [] {
    Result<TimeZone> z = TimeZone::locate("Europe/Berlin");
    return z.ok() ? *z : TimeZone::utc();
  }();
  static const TimeZone utc;
  return dst ? berlin : utc;
}

}  // namespace clm::fuzz
