// EventStoreBuilder::build: renumbers every id in byte order and sorts events
// per customer by a total key, so the store is the same for any row order.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <thread>
#include <utility>

#include "core/builder_impl.h"

namespace clm {
namespace {

// Sum of |amounts| must fit in int64 so that no subset sum can overflow.
bool money_in_range(const std::vector<Money>& amounts) {
  __extension__ using Int128 = __int128;
  Int128 total = 0;
  constexpr Int128 kLimit = static_cast<Int128>(INT64_MAX);
  for (Money m : amounts) {
    total += m < 0 ? -static_cast<Int128>(m) : static_cast<Int128>(m);
    if (total > kLimit) return false;
  }
  return true;
}

Status money_range_error(const std::string& source, std::string_view what) {
  return Status::DataError(fmt::format(
      "{}: column 'amount': {} add up beyond the exact money range of ±9223372036854.775807",
      source, what));
}

template <typename T>
std::vector<T> gather(const std::vector<T>& column, const std::vector<std::uint32_t>& order) {
  std::vector<T> out(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) out[i] = column[order[i]];
  return out;
}

// gather() that then frees the source column.
template <typename T>
std::vector<T> take_gather(std::vector<T>& column, const std::vector<std::uint32_t>& order) {
  std::vector<T> out = gather(column, order);
  column = std::vector<T>();
  return out;
}

}  // namespace

Result<EventStore> EventStoreBuilder::build() {
  Impl m = std::move(*impl_);
  *impl_ = Impl();
  EventStore st;
  std::vector<std::uint32_t> remap;

  // Customers and their per-customer columns (sorting the ids while the
  // amounts are checked).
  const std::size_t n_customers = m.customers.size();
  bool events_ok = true, spend_ok = true;
  detail::parallel_pair(
      [&] {
        events_ok = money_in_range(m.ev_amount);
        spend_ok = money_in_range(m.sp_amount);
      },
      [&] { st.customer_ids_ = m.customers.freeze(remap); });
  if (!events_ok) return money_range_error(m.events_source, "purchase and refund amounts");
  if (!spend_ok) return money_range_error(m.spend_source, "spend amounts");
  const std::vector<std::uint32_t> customer_remap = remap;
  std::vector<std::uint32_t> customer_order(n_customers);  // final index → provisional
  for (std::uint32_t p = 0; p < n_customers; ++p) customer_order[customer_remap[p]] = p;

  std::vector<std::uint32_t> channel_remap;
  st.channels_ = m.channels.freeze(channel_remap);
  std::vector<std::uint32_t> campaign_remap;
  st.campaign_names_ = m.campaigns.freeze(campaign_remap);
  std::vector<std::uint32_t> custom_remap;
  st.custom_types_ = m.custom_types.freeze(custom_remap);

  detail::apply_remap(m.declared_channel, channel_remap);
  st.declared_acquired_at_ = gather(m.declared_acquired_at, customer_order);
  st.declared_channel_ = gather(m.declared_channel, customer_order);
  st.listed_ = gather(m.listed, customer_order);

  // Attribute columns, in byte order of their names.
  std::vector<std::size_t> attr_order(m.attribute_names.size());
  std::iota(attr_order.begin(), attr_order.end(), std::size_t{0});
  std::sort(attr_order.begin(), attr_order.end(), [&](std::size_t a, std::size_t b) {
    return m.attribute_names[a] < m.attribute_names[b];
  });
  for (std::size_t a : attr_order) {
    std::vector<std::uint32_t> value_remap;
    st.attribute_values_.push_back(m.attribute_values[a].freeze(value_remap));
    detail::apply_remap(m.attributes[a], value_remap);
    st.attribute_columns_.push_back(gather(m.attributes[a], customer_order));
    st.attribute_names_.push_back(std::move(m.attribute_names[a]));
  }

  // Events: final ids, then a counting sort by customer and a sort by the
  // full key within each customer.
  const std::size_t n_events = m.ev_time.size();
  st.offsets_.assign(n_customers + 1, 0);
  const std::size_t half = n_events / 2;
  std::vector<std::size_t> first_half(n_customers, 0);  // events among the first half of rows
  detail::parallel_pair(
      [&] {
        detail::apply_remap(m.ev_customer, customer_remap);
        for (std::size_t i = 0; i < n_events; ++i) {
          const std::uint32_t c = m.ev_customer[i];
          ++st.offsets_[c + 1];
          if (i < half) ++first_half[c];
        }
      },
      [&] {
        detail::apply_remap(m.ev_channel, channel_remap);
        detail::apply_remap(m.ev_campaign, campaign_remap);
        for (auto& t : m.ev_type) {
          if (t >= kFirstCustomType)
            t = static_cast<TypeCode>(kFirstCustomType + custom_remap[t - kFirstCustomType]);
        }
      });
  std::partial_sum(st.offsets_.begin(), st.offsets_.end(), st.offsets_.begin());
  auto key_less_rest = [&m](std::uint32_t a, std::uint32_t b) {
    if (m.ev_type[a] != m.ev_type[b]) return m.ev_type[a] < m.ev_type[b];
    if (m.ev_channel[a] != m.ev_channel[b]) return m.ev_channel[a] < m.ev_channel[b];
    if (m.ev_campaign[a] != m.ev_campaign[b]) return m.ev_campaign[a] < m.ev_campaign[b];
    if (m.ev_amount[a] != m.ev_amount[b]) return m.ev_amount[a] < m.ev_amount[b];
    return m.ev_score[a] < m.ev_score[b];
  };
  // Within a customer, sort (time, row) pairs: times are read once, in order,
  // and only equal times look at the other columns. The customers are split
  // in two halves of about equal events, sorted on two threads.
  struct Keyed {
    Timestamp time;
    std::uint32_t row;
  };
  // A counting sort by customer (stable: arrival order within a customer)
  // straight into the pairs, reading the rows in order. The two halves of the
  // rows are placed on two threads, the first half's rows of a customer first.
  std::vector<Keyed> keyed(n_events);
  auto place = [&](std::size_t from, std::size_t to, std::vector<std::size_t> next) {
    for (std::size_t i = from; i < to; ++i) {
      keyed[next[m.ev_customer[i]]++] = Keyed{m.ev_time[i], static_cast<std::uint32_t>(i)};
    }
  };
  {
    std::vector<std::size_t> next_first(st.offsets_.begin(), st.offsets_.end() - 1);
    std::vector<std::size_t> next_second(next_first);
    for (std::size_t c = 0; c < n_customers; ++c) next_second[c] += first_half[c];
    detail::parallel_pair([&] { place(0, half, std::move(next_first)); },
                          [&] { place(half, n_events, std::move(next_second)); });
  }
  m.ev_time = std::vector<Timestamp>();
  m.ev_customer = std::vector<std::uint32_t>();
  auto sort_customers = [&](std::size_t from, std::size_t to) {
    for (std::size_t c = from; c < to; ++c) {
      const auto b = keyed.begin() + static_cast<std::ptrdiff_t>(st.offsets_[c]);
      const auto e = keyed.begin() + static_cast<std::ptrdiff_t>(st.offsets_[c + 1]);
      if (e - b < 2) continue;
      std::sort(b, e, [&](const Keyed& x, const Keyed& y) {
        if (x.time != y.time) return x.time < y.time;
        return key_less_rest(x.row, y.row);
      });
    }
  };
  const std::size_t mid_customer = static_cast<std::size_t>(
      std::upper_bound(st.offsets_.begin(), st.offsets_.end(), n_events / 2) - st.offsets_.begin() -
      1);
  detail::parallel_pair([&] { sort_customers(0, std::min(mid_customer, n_customers)); },
                        [&] { sort_customers(std::min(mid_customer, n_customers), n_customers); });
  st.times_.resize(n_events);
  std::vector<std::uint32_t> order(n_events);
  auto split = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      st.times_[k] = keyed[k].time;
      order[k] = keyed[k].row;
    }
  };
  detail::parallel_pair([&] { split(0, half); }, [&] { split(half, n_events); });
  keyed = std::vector<Keyed>();
  // Each builder column is released as soon as it is gathered.
  detail::parallel_pair(
      [&] {
        st.types_ = take_gather(m.ev_type, order);
        st.amounts_ = take_gather(m.ev_amount, order);
        st.scores_ = take_gather(m.ev_score, order);
      },
      [&] {
        st.event_channels_ = take_gather(m.ev_channel, order);
        st.campaigns_ = take_gather(m.ev_campaign, order);
      });

  st.type_counts_.assign(kFirstCustomType + st.custom_types_.size(), 0);
  for (TypeCode t : st.types_) ++st.type_counts_[t];
  for (Timestamp t : st.times_) {
    st.min_time_ = std::min(st.min_time_, t);
    st.max_time_ = std::max(st.max_time_, t);
  }

  // Spend, sorted by (date, channel, amount).
  detail::apply_remap(m.sp_channel, channel_remap);
  std::vector<std::uint32_t> sp_order(m.sp_date.size());
  std::iota(sp_order.begin(), sp_order.end(), 0u);
  std::sort(sp_order.begin(), sp_order.end(), [&m](std::uint32_t a, std::uint32_t b) {
    if (m.sp_date[a] != m.sp_date[b]) return m.sp_date[a] < m.sp_date[b];
    if (m.sp_channel[a] != m.sp_channel[b]) return m.sp_channel[a] < m.sp_channel[b];
    return m.sp_amount[a] < m.sp_amount[b];
  });
  st.spend_dates_ = gather(m.sp_date, sp_order);
  st.spend_channels_ = gather(m.sp_channel, sp_order);
  st.spend_amounts_ = gather(m.sp_amount, sp_order);
  return st;
}

}  // namespace clm
