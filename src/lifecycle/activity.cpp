// Activity stretches: one pass over each customer's events before the as-of
// time turns A-events and subscription starts/cancels into merged stretches.

#include "clm/activity.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "clm/did_you_mean.h"

namespace clm {
namespace {

Timestamp saturating_add(Timestamp t, Timestamp d) {
  return t > kNever - d ? kNever : t + d;
}

// First stretch whose end is >= t (stretches are disjoint, so ends ascend).
const Stretch* first_ending_at_or_after(std::span<const Stretch> s, Timestamp t) {
  return std::partition_point(s.data(), s.data() + s.size(),
                              [t](const Stretch& x) { return x.end < t; });
}

bool any_meets(std::span<const Stretch> s, Timestamp p0, Timestamp p1) {
  const Stretch* it = first_ending_at_or_after(s, p0);
  return it != s.data() + s.size() && it->begin < p1;
}

// Appends [first, last] to out[from..], merging with the previous run when adjacent.
void append_run(std::vector<IndexRun>& out, std::size_t from, std::size_t first, std::size_t last) {
  if (out.size() > from && out.back().last + 1 >= first) {
    out.back().last = std::max(out.back().last, last);
  } else {
    out.push_back({first, last});
  }
}

}  // namespace

Status check_activity_types(const EventStore& store, std::span<const std::string> names) {
  for (const std::string& name : names) {
    if (name.empty()) return Status::InvalidArgument("activity type names must be non-empty");
    if (store.find_type(name)) continue;
    // A misspelt name would silently count nothing as activity.
    std::vector<std::string_view> known;
    for (TypeCode t = 0; t < kFirstCustomType + store.custom_type_count(); ++t) {
      known.push_back(store.type_name(t));
    }
    const std::string_view hint = did_you_mean(name, known);
    return Status::InvalidArgument(fmt::format(
        "activity type '{}' is neither a built-in event type nor a type in the events{}", name,
        hint.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", hint)));
  }
  return Status::Ok();
}

Result<ActivityModel> ActivityModel::build(std::shared_ptr<const EventStore> shared,
                                           const Acquisition& acq, Timestamp as_of,
                                           const ActivityOptions& options) {
  if (shared == nullptr) return Status::InvalidArgument("activity model: no store");
  const EventStore& store = *shared;
  if (options.inactivity_window_days < 0) {
    return Status::InvalidArgument("inactivity window W must be >= 0 days");
  }
  if (options.inactivity_window_days > 1'000'000) {
    return Status::InvalidArgument("inactivity window W must be at most 1000000 days");
  }
  ActivityModel m;
  m.store_ = std::move(shared);
  m.as_of_ = as_of;
  m.window_seconds_ = options.inactivity_window_days * kSecondsPerDay;
  m.activity_.assign(kFirstCustomType + store.custom_type_count(), 0);
  if (Status s = check_activity_types(store, options.activity_types); !s.ok()) return s;
  for (const std::string& name : options.activity_types) {
    if (auto t = store.find_type(name)) m.activity_[*t] = 1;
  }
  m.acquired_at_ = acq.acquired_at;

  const std::size_t n = store.customer_count();
  m.offsets_.reserve(n + 1);
  m.sub_offsets_.reserve(n + 1);
  const auto times = store.times();
  const auto types = store.types();
  const TypeCode kStart = code(EventType::kSubscriptionStart);
  const TypeCode kCancel = code(EventType::kSubscriptionCancel);
  std::vector<Stretch> covers;
  for (CustomerIndex c = 0; c < n; ++c) {
    covers.clear();
    const std::size_t first_sub = m.subs_.size();
    bool open = false;
    Timestamp open_since = 0;
    const EventRange r = store.events_of(c);
    for (std::size_t i = r.begin; i < r.end && times[i] < as_of; ++i) {
      const Timestamp t = times[i];
      const TypeCode ty = types[i];
      if (m.is_activity(ty)) covers.push_back({t, saturating_add(t, m.window_seconds_)});
      // Within one instant starts sort before cancels, so a cancel at the
      // same instant closes what a start opened: the cancel wins.
      if (ty == kStart && !open) {
        open = true;
        open_since = t;
      } else if (ty == kCancel && open) {
        open = false;
        if (open_since < t) m.subs_.push_back({open_since, t});
      }
    }
    if (open) m.subs_.push_back({open_since, kNever});
    covers.insert(covers.end(), m.subs_.begin() + static_cast<std::ptrdiff_t>(first_sub),
                  m.subs_.end());
    // A-covers arrive sorted and so do subscription covers; sort the union
    // and merge overlapping or touching ones ((b1, e] and (e, e2] make (b1, e2]).
    std::sort(covers.begin(), covers.end(), [](const Stretch& x, const Stretch& y) {
      return x.begin < y.begin || (x.begin == y.begin && x.end < y.end);
    });
    for (const Stretch& s : covers) {
      if (m.stretches_.size() > m.offsets_.back() && s.begin <= m.stretches_.back().end) {
        m.stretches_.back().end = std::max(m.stretches_.back().end, s.end);
      } else {
        m.stretches_.push_back(s);
      }
    }
    m.offsets_.push_back(m.stretches_.size());
    m.sub_offsets_.push_back(m.subs_.size());
  }
  return m;
}

bool ActivityModel::active_at(CustomerIndex c, Timestamp t) const {
  if (!(acquired_at_[c] < t)) return false;
  const auto s = stretches(c);
  const Stretch* it = first_ending_at_or_after(s, t);
  return it != s.data() + s.size() && it->begin < t;
}

bool ActivityModel::subscription_open_at(CustomerIndex c, Timestamp t) const {
  const auto s = subscriptions(c);
  const Stretch* it = first_ending_at_or_after(s, t);
  return it != s.data() + s.size() && it->begin < t;
}

bool ActivityModel::subscription_open_during(CustomerIndex c, Timestamp p0, Timestamp p1) const {
  return any_meets(subscriptions(c), p0, p1);
}

bool ActivityModel::activity_event_in(CustomerIndex c, Timestamp p0, Timestamp p1) const {
  const EventRange r = store_->events_of(c);
  const auto times = store_->times();
  const auto types = store_->types();
  const Timestamp stop = std::min(p1, as_of_);
  auto it = std::lower_bound(times.begin() + static_cast<std::ptrdiff_t>(r.begin),
                             times.begin() + static_cast<std::ptrdiff_t>(r.end), p0);
  for (std::size_t i = static_cast<std::size_t>(it - times.begin()); i < r.end && times[i] < stop;
       ++i) {
    if (is_activity(types[i])) return true;
  }
  return false;
}

bool ActivityModel::active_during(CustomerIndex c, Timestamp p0, Timestamp p1) const {
  const Timestamp a = acquired_at_[c];
  if (!(a < p1)) return false;
  const auto s = stretches(c);
  const Stretch* it = first_ending_at_or_after(s, p0);
  const bool meets = it != s.data() + s.size() && it->begin < p1;
  if (a < p0 || !meets) return meets;
  // Acquired inside the period: "active at p0" is false, so the period counts
  // only through an A-event or subscription inside it — not through earlier
  // activity that merely reaches into it.
  if (it->begin >= p0) return true;  // the stretch starts with such an event in [p0, p1)
  return subscription_open_during(c, p0, p1) || activity_event_in(c, p0, p1);
}

void ActivityModel::active_instant_runs(CustomerIndex c, std::span<const Timestamp> instants,
                                        std::vector<IndexRun>& out) const {
  const Timestamp a = acquired_at_[c];
  if (a == kNever) return;
  const std::size_t from = out.size();
  for (const Stretch& s : stretches(c)) {
    const Timestamp b = std::max(s.begin, a);
    if (b >= s.end) continue;
    // Instants t with b < t <= end.
    const auto lo = std::upper_bound(instants.begin(), instants.end(), b);
    const auto hi = std::upper_bound(lo, instants.end(), s.end);
    if (lo == hi) continue;
    append_run(out, from, static_cast<std::size_t>(lo - instants.begin()),
               static_cast<std::size_t>(hi - instants.begin()) - 1);
  }
}

void ActivityModel::active_period_runs(CustomerIndex c, const PeriodSeries& series,
                                       std::vector<IndexRun>& out) const {
  const Timestamp a = acquired_at_[c];
  const auto& ps = series.periods();
  if (a == kNever || ps.empty() || a >= ps.back().end) return;
  const std::size_t from = out.size();
  // Periods wholly after a(c) follow the plain "some stretch meets P" rule;
  // the period holding a(c), if any, needs the literal check.
  const auto after_a =
      std::partition_point(ps.begin(), ps.end(), [a](const Period& p) { return p.start <= a; });
  const std::size_t first_after = static_cast<std::size_t>(after_a - ps.begin());
  if (first_after > 0 && active_during(c, ps[first_after - 1].start, ps[first_after - 1].end)) {
    out.push_back({first_after - 1, first_after - 1});
  }
  for (const Stretch& s : stretches(c)) {
    if (s.end < a) continue;
    // Periods [start, end) with begin < end and start <= s.end.
    const auto lo =
        std::partition_point(after_a, ps.end(), [&s](const Period& p) { return p.end <= s.begin; });
    const auto hi =
        std::partition_point(lo, ps.end(), [&s](const Period& p) { return p.start <= s.end; });
    if (lo == hi) continue;
    append_run(out, from, static_cast<std::size_t>(lo - ps.begin()),
               static_cast<std::size_t>(hi - ps.begin()) - 1);
  }
}

Timestamp ActivityModel::activity_end_after_acquisition(CustomerIndex c) const {
  const Timestamp a = acquired_at_[c];
  if (a == kNever) return kNever;
  const auto s = stretches(c);
  // The stretch holding the instants just after a: begin <= a < end.
  const Stretch* it = std::partition_point(s.data(), s.data() + s.size(),
                                           [a](const Stretch& x) { return x.end <= a; });
  if (it == s.data() + s.size() || it->begin > a) return a;
  return it->end;
}

}  // namespace clm
