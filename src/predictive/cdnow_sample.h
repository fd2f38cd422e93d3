// Internal (tests and benchmark only): reads Fader & Hardie's CDNOW sample
// file — whitespace-separated "master_id sample_id YYYYMMDD cds dollars",
// no header — into an EventStore of purchases, customer id = sample_id.
//
// The store requires a purchase amount > 0; the sample's 8 zero-dollar rows
// are each a customer's only (first) purchase, which the summary excludes
// from the mean repeat value, so they are kept as 0.000001.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "clm/event_store.h"
#include "clm/money.h"
#include "clm/status.h"
#include "clm/time.h"

namespace clm::detail {

inline Result<EventStore> read_cdnow_sample(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NoInput("cannot open " + path);
  EventStoreBuilder builder;
  std::string line, master, id, date, cds, dollars;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    if (!(fields >> master >> id >> date >> cds >> dollars)) continue;
    if (date.size() != 8) return Status::DataError("bad date " + date);
    const CivilDate d{std::stoi(date.substr(0, 4)),
                      static_cast<unsigned>(std::stoi(date.substr(4, 2))),
                      static_cast<unsigned>(std::stoi(date.substr(6, 2)))};
    auto amount = parse_money(dollars);
    if (!amount.ok()) return amount.status();
    EventInput e;
    e.customer_id = id;
    e.time = days_from_civil(d) * kSecondsPerDay;
    e.type = "purchase";
    e.amount = *amount > 0 ? *amount : 1;
    if (Status s = builder.add_event(e); !s.ok()) return s;
  }
  return builder.build();
}

}  // namespace clm::detail
