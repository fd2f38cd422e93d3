// Internal: the rows an EventStoreBuilder has accumulated, with provisional
// (arrival-order) ids that build() renumbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "clm/event.h"
#include "clm/event_store.h"
#include "core/interner.h"

namespace clm {
namespace detail {

// builtin_type() and score_range() for the row loops: the built-in type names
// differ in length but for pairs, so one length switch and at most two
// compares replace a chain of sixteen (every event row is looked up).
inline std::optional<EventType> find_builtin_type(std::string_view s) {
  using T = EventType;
  auto is = [s](std::string_view name, T t) -> std::optional<T> {
    if (s == name) return t;
    return std::nullopt;
  };
  switch (s.size()) {
    case 3:
      return s[0] == 'n' ? is("nps", T::kNps) : is("ces", T::kCes);
    case 4:
      return is("csat", T::kCsat);
    case 5:
      return is("touch", T::kTouch);
    case 6:
      return s[0] == 's' ? is("signup", T::kSignup) : is("refund", T::kRefund);
    case 8:
      return s[0] == 'p' ? is("purchase", T::kPurchase) : is("referral", T::kReferral);
    case 10:
      return is("email_sent", T::kEmailSent);
    case 12:
      return is("email_opened", T::kEmailOpened);
    case 13:
      return s[6] == 'b' ? is("email_bounced", T::kEmailBounced)
                         : is("email_clicked", T::kEmailClicked);
    case 15:
      return is("email_delivered", T::kEmailDelivered);
    case 18:
      return s[0] == 's' ? is("subscription_start", T::kSubscriptionStart)
                         : is("email_unsubscribed", T::kEmailUnsubscribed);
    case 19:
      return is("subscription_cancel", T::kSubscriptionCancel);
    default:
      return std::nullopt;
  }
}

inline std::optional<ScoreRange> find_score_range(EventType t) {
  switch (t) {
    case EventType::kNps:
      return ScoreRange{0, 10};
    case EventType::kCsat:
      return ScoreRange{1, 5};
    case EventType::kCes:
      return ScoreRange{1, 7};
    default:
      return std::nullopt;
  }
}

// Runs a and b at the same time (b on a second thread when there is one).
template <typename A, typename B>
void parallel_pair(A&& a, B&& b) {
  if (std::thread::hardware_concurrency() < 2) {
    a();
    b();
    return;
  }
  std::thread t(std::forward<B>(b));
  a();
  t.join();
}

}  // namespace detail

struct EventStoreBuilder::Impl {
  detail::Interner customers, channels, campaigns, custom_types;
  std::vector<detail::Interner> attribute_values;
  std::vector<std::string> attribute_names;

  // Per provisional customer.
  std::vector<Timestamp> declared_acquired_at;
  std::vector<SymbolId> declared_channel;
  std::vector<std::uint8_t> listed;
  std::vector<std::vector<SymbolId>> attributes;  // [attribute][customer]

  // Events, provisional ids.
  std::vector<std::uint32_t> ev_customer;
  std::vector<Timestamp> ev_time;
  std::vector<TypeCode> ev_type;  // custom: kFirstCustomType + provisional custom id
  std::vector<Money> ev_amount;
  std::vector<std::int8_t> ev_score;
  std::vector<SymbolId> ev_channel, ev_campaign;

  std::vector<Timestamp> sp_date;
  std::vector<SymbolId> sp_channel;
  std::vector<Money> sp_amount;

  // Where the events and the spend rows come from, for build()'s messages.
  std::string events_source = "events";
  std::string spend_source = "spend";

  std::uint32_t customer(std::string_view id) {
    const std::uint32_t c = customers.intern(id);
    if (c == declared_acquired_at.size()) {
      declared_acquired_at.push_back(kNever);
      declared_channel.push_back(kNoSymbol);
      listed.push_back(0);
      for (auto& col : attributes) col.push_back(kNoSymbol);
    }
    return c;
  }
  SymbolId optional_symbol(detail::Interner& table, std::string_view s) {
    return s.empty() ? kNoSymbol : table.intern(s);
  }
};

}  // namespace clm
