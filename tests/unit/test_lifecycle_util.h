// Small stores for the lifecycle tests, written row by row.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clm/acquisition.h"
#include "clm/event_store.h"
#include "clm/money.h"
#include "clm/time.h"

namespace clm::testing {

// A UTC instant from "YYYY-MM-DD[THH:MM:SS]".
inline Timestamp T(const std::string& s) {
  return *parse_timestamp(s, TimeZone::utc());
}
// Whole currency units as Money.
inline Money M(std::int64_t units) {
  return units * kMicrosPerUnit;
}

struct Ev {
  std::string id;
  std::string time;
  std::string type;
  std::optional<Money> amount = std::nullopt;
  std::optional<int> score = std::nullopt;
  std::string channel = {};
};

struct Cust {
  std::string id;
  std::string acquired_at;  // "" = absent
  std::string channel = {};
  std::vector<std::string> attributes = {};
};

inline EventStore make_store(const std::vector<Ev>& events, const std::vector<Cust>& customers = {},
                             std::vector<std::string> attribute_names = {}) {
  EventStoreBuilder b;
  b.set_attribute_names(std::move(attribute_names));
  for (const Cust& c : customers) {
    CustomerInput in;
    in.customer_id = c.id;
    if (!c.acquired_at.empty()) in.acquired_at = T(c.acquired_at);
    in.channel = c.channel;
    for (const auto& a : c.attributes) in.attributes.push_back(a);
    Status st = b.add_customer(in);
    if (!st.ok()) throw std::runtime_error(st.message());
  }
  for (const Ev& e : events) {
    EventInput in;
    in.customer_id = e.id;
    in.time = T(e.time);
    in.type = e.type;
    in.amount = e.amount;
    in.score = e.score;
    in.channel = e.channel;
    Status st = b.add_event(in);
    if (!st.ok()) throw std::runtime_error(st.message());
  }
  auto r = b.build();
  if (!r.ok()) throw std::runtime_error(r.status().message());
  return std::move(r).value();
}

inline CustomerIndex idx(const EventStore& s, const std::string& id) {
  return *s.find_customer(id);
}

}  // namespace clm::testing
