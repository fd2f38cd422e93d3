#include "clm/event.h"

#include <array>

namespace clm {
namespace {

constexpr std::array<std::string_view, kBuiltinTypeCount> kNames = {
    "touch",        "signup",          "purchase",     "refund",
    "subscription_start", "subscription_cancel", "nps", "csat",
    "ces",          "referral",        "email_sent",   "email_delivered",
    "email_bounced", "email_opened",   "email_clicked", "email_unsubscribed",
};

}  // namespace

std::string_view builtin_type_name(EventType t) { return kNames[static_cast<std::size_t>(t)]; }

std::optional<EventType> builtin_type(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<EventType>(i);
  }
  return std::nullopt;
}

std::optional<ScoreRange> score_range(EventType t) {
  switch (t) {
    case EventType::kNps: return ScoreRange{0, 10};
    case EventType::kCsat: return ScoreRange{1, 5};
    case EventType::kCes: return ScoreRange{1, 7};
    default: return std::nullopt;
  }
}

}  // namespace clm
