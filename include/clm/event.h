// clm/event.h — the event vocabulary of the input contract.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace clm {

// Built-in event types. Values are stable and ordered as in the contract.
// Custom types (any other non-empty string) get codes from kFirstCustomType
// upward, numbered in byte order of their names (see EventStore::type_name).
enum class EventType : std::uint16_t {
  kTouch = 0,
  kSignup,
  kPurchase,
  kRefund,
  kSubscriptionStart,
  kSubscriptionCancel,
  kNps,
  kCsat,
  kCes,
  kReferral,
  kEmailSent,
  kEmailDelivered,
  kEmailBounced,
  kEmailOpened,
  kEmailClicked,
  kEmailUnsubscribed,
};

using TypeCode = std::uint16_t;  // an EventType value or a custom type code
inline constexpr TypeCode kBuiltinTypeCount = 16;
inline constexpr TypeCode kFirstCustomType = kBuiltinTypeCount;

constexpr TypeCode code(EventType t) { return static_cast<TypeCode>(t); }

// The contract's lower-case name of a built-in type ("subscription_start").
std::string_view builtin_type_name(EventType t);
// The built-in type with that exact name, if any.
std::optional<EventType> builtin_type(std::string_view name);

// Valid score range of a survey type: nps 0–10, csat 1–5, ces 1–7.
struct ScoreRange {
  int min;
  int max;
};
std::optional<ScoreRange> score_range(EventType t);

}  // namespace clm
