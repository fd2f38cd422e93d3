// Shared helpers of the ingest tests: read a table from a string and build the store.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "clm/event_store.h"
#include "clm/ingest.h"

namespace ingest_test {

enum class Kind { kEvents, kCustomers, kSpend };

struct Read {
  clm::Status status;
  clm::TableLoad load;
};

inline Read read_table(Kind kind, std::string_view data, std::string_view name,
                       clm::InputFormat format, clm::EventStoreBuilder& builder,
                       const clm::ReadOptions& options = {}) {
  Read r;
  switch (kind) {
    case Kind::kEvents:
      r.status = clm::read_events(data, name, format, options, builder, r.load);
      break;
    case Kind::kCustomers:
      r.status = clm::read_customers(data, name, format, options, builder, r.load);
      break;
    case Kind::kSpend:
      r.status = clm::read_spend(data, name, format, options, builder, r.load);
      break;
  }
  // The accounting identity holds after every read, good or bad.
  if (r.status.ok()) CHECK(r.load.rows_read == r.load.rows_kept + r.load.rows_rejected());
  return r;
}

// Reads events from CSV text (strict) and builds the store; fails the test on any error.
inline clm::EventStore events_store(std::string_view data, clm::InputFormat format,
                                    std::string_view name = "events") {
  clm::EventStoreBuilder builder;
  Read r = read_table(Kind::kEvents, data, name, format, builder);
  INFO(r.status.message());
  REQUIRE(r.status.ok());
  clm::Result<clm::EventStore> store = builder.build();
  REQUIRE(store.ok());
  return std::move(store).value();
}

// The message of a strict read that must fail with `code`.
inline std::string strict_error(Kind kind, std::string_view data, std::string_view name,
                                clm::InputFormat format,
                                clm::Status::Code code = clm::Status::Code::kDataError,
                                const clm::ReadOptions& options = {}) {
  clm::EventStoreBuilder builder;
  Read r = read_table(kind, data, name, format, builder, options);
  REQUIRE_FALSE(r.status.ok());
  CHECK(r.status.code() == code);
  return r.status.message();
}

}  // namespace ingest_test
