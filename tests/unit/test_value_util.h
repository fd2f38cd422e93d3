// Small stores for the value tests (revenue, CAC, payback, CLV), row by row.
#pragma once

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clm/event_store.h"
#include "clm/money.h"
#include "clm/scope.h"
#include "clm/time.h"

namespace clm::value_test {

// A UTC instant from "YYYY-MM-DD[THH:MM:SS]" (or with an explicit offset).
inline Timestamp T(const std::string& s) {
  auto t = parse_timestamp(s, TimeZone::utc());
  REQUIRE(t.ok());
  return *t;
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
  std::string channel = {};
  std::optional<int> score = std::nullopt;  // nps, csat, ces answers
};

struct Cust {
  std::string id;
  std::string acquired_at = {};  // "" = absent
  std::string channel = {};      // "" = absent
  std::string plan = {};         // attribute "plan"; "" = absent
};

struct Spend {
  std::string date;
  std::string channel;
  Money amount;
};

inline EventStore make_store(const std::vector<Ev>& events, const std::vector<Cust>& customers = {},
                             const std::vector<Spend>& spend = {}) {
  EventStoreBuilder b;
  b.set_attribute_names({"plan"});
  for (const Cust& c : customers) {
    CustomerInput in;
    in.customer_id = c.id;
    if (!c.acquired_at.empty()) in.acquired_at = T(c.acquired_at);
    in.channel = c.channel;
    in.attributes = {c.plan};
    REQUIRE(b.add_customer(in).ok());
  }
  for (const Ev& e : events) {
    EventInput in;
    in.customer_id = e.id;
    in.time = T(e.time);
    in.type = e.type;
    in.amount = e.amount;
    in.channel = e.channel;
    in.score = e.score;
    REQUIRE(b.add_event(in).ok());
  }
  for (const Spend& s : spend) {
    SpendInput in;
    in.date = T(s.date);
    in.channel = s.channel;
    in.amount = s.amount;
    REQUIRE(b.add_spend(in).ok());
  }
  auto r = b.build();
  REQUIRE(r.ok());
  return std::move(r).value();
}

inline Scope make_test_scope(const EventStore& store, const std::string& from,
                             const std::string& to, const std::string& by = "",
                             const std::string& tz = "UTC", PeriodUnit unit = PeriodUnit::kMonth) {
  ScopeOptions o;
  auto zone = TimeZone::locate(tz);
  REQUIRE(zone.ok());
  o.calendar.tz = *zone;
  o.from = T(from);
  o.to = T(to);
  o.period = unit;
  o.group_by = GroupBy::parse(by);
  auto s = make_scope(std::make_shared<const EventStore>(store), o);
  REQUIRE(s.ok());
  return std::move(s).value();
}

}  // namespace clm::value_test
