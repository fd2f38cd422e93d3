// Internal: the behavioural model of one simulated person — from marketing
// touches to signup, purchases, subscriptions, surveys, email and logins.
#pragma once

#include <cstdint>
#include <vector>

#include "clm/time.h"

namespace clm::gen {

// Type codes of generated events: the EventType values, then two custom types.
inline constexpr std::uint8_t kFeatureUsed = 16;
inline constexpr std::uint8_t kLogin = 17;
inline constexpr int kGeneratedTypeCount = 18;

inline constexpr std::uint8_t kNoChannel = 0xff;
inline constexpr int kChannelCount = 7;
// Channel names by index; spend exists for the paid ones.
extern const char* const kChannelNames[kChannelCount];
extern const bool kChannelIsPaid[kChannelCount];
// Share of signups that come through each channel (the touch-channel mix).
extern const double kChannelWeight[kChannelCount];
// Target cost per acquired customer of each channel, in currency units.
extern const double kChannelCac[kChannelCount];

inline constexpr int kCountryCount = 7;
extern const char* const kCountryNames[kCountryCount];
inline constexpr int kPlanCount = 4;
extern const char* const kPlanNames[kPlanCount];

// One generated event row.
struct GenEvent {
  Timestamp time;
  std::uint32_t person;    // index of the person within the run
  std::uint32_t seq;       // order of generation within the person (a sort tiebreak)
  std::int64_t cents;      // amount of purchase/refund, in cents
  std::uint32_t campaign;  // 0 = none; else 1 + campaign number (2 per month)
  std::uint8_t type;       // EventType value, kFeatureUsed or kLogin
  std::uint8_t channel;    // kNoChannel or a channel index
  std::int8_t score;       // survey score, -1 when none
};

// The customers-table row of a person who became a customer.
struct GenCustomer {
  bool present = false;  // false for a prospect
  Timestamp acquired_at = 0;
  bool acquired_at_blank = false;
  std::uint8_t channel = kNoChannel;
  std::uint8_t country = 0;
  std::uint8_t plan = 0;
};

// The time span of the data, [begin, end), and its email campaign schedule.
struct Span {
  Timestamp begin = 0;
  Timestamp end = 0;
  std::vector<Timestamp> campaign_times;  // campaign k is sent at campaign_times[k]
};

// Appends the events of person `person` to `out` (in no particular order) and
// returns its customers-table row. Draws only from a stream seeded by (seed, person).
GenCustomer simulate_person(std::uint64_t seed, std::uint32_t person, const Span& span,
                            std::vector<GenEvent>& out);

}  // namespace clm::gen
