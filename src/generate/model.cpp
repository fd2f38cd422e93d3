// The behavioural model behind `clm generate`. Each person is simulated on
// its own random stream, so people can be generated in any order (or in
// parallel) and still give the same bytes.
//
// The model, in short:
// - 1–12 marketing touches (mostly from one channel), then ~62 % sign up.
//   5 % of converters skip the signup event and are acquired by a purchase.
// - Purchases follow a BG/NBD-like process: a gamma-distributed monthly rate
//   (heavy-tailed: few customers buy very often) and a beta-distributed
//   chance of dropping out after each purchase. Amounts are log-normal around
//   a per-customer spend level; ~6 % of purchases are (partly) refunded.
// - Paying plans hold a subscription from signup, cancel after an
//   exponential time, and sometimes restart.
// - While active, customers log in (a per-customer gamma rate), use features,
//   answer NPS / CSAT / CES (scores follow a per-customer sentiment) and
//   sometimes refer others. Two email campaigns a month go to known people
//   until they unsubscribe; deliveries bounce, opens and clicks follow.
#include "generate/model.h"

#include <algorithm>
#include <cmath>

#include "clm/event.h"
#include "generate/random.h"

namespace clm::gen {

const char* const kChannelNames[kChannelCount] = {
    "organic", "paid_search", "paid_social", "display", "affiliate", "email", "referral"};
const bool kChannelIsPaid[kChannelCount] = {false, true, true, true, true, true, false};
const double kChannelWeight[kChannelCount] = {25, 25, 20, 10, 8, 7, 5};
const double kChannelCac[kChannelCount] = {0, 45, 60, 90, 35, 8, 0};
const char* const kCountryNames[kCountryCount] = {"BR", "DE", "FR", "GB", "IN", "JP", "US"};
const char* const kPlanNames[kPlanCount] = {"basic", "enterprise", "free", "pro"};

namespace {

constexpr double kDay = 86'400.0;
constexpr double kMonth = 30.4375 * kDay;

// Cumulative weights for Rng::pick.
constexpr double kChannelCumulative[kChannelCount] = {25, 50, 70, 80, 88, 95, 100};
constexpr double kCountryCumulative[kCountryCount] = {9, 23, 33, 45, 53, 60, 100};
constexpr double kPlanCumulative[kPlanCount] = {35, 43, 78, 100};  // basic, enterprise, free, pro
constexpr std::uint8_t kPlanFree = 2;

// Adds events to one person's list, dropping those at or after the end of the data.
class PersonEvents {
 public:
  PersonEvents(std::uint32_t person, const Span& span, std::vector<GenEvent>& out)
      : person_(person), span_(span), out_(out) {}

  void add(double time, std::uint8_t type, std::uint8_t channel = kNoChannel,
           std::int64_t cents = 0, int score = -1, std::uint32_t campaign = 0) {
    const auto t = static_cast<Timestamp>(time);
    if (t < span_.begin || t >= span_.end) return;
    out_.push_back(GenEvent{t, person_, seq_++, cents, campaign, type, channel,
                            static_cast<std::int8_t>(score)});
  }

 private:
  std::uint32_t person_;
  std::uint32_t seq_ = 0;
  const Span& span_;
  std::vector<GenEvent>& out_;
};

int clamp_score(double x, int lo, int hi) {
  const int v = static_cast<int>(std::floor(x + 0.5));
  return std::clamp(v, lo, hi);
}

std::int64_t to_cents(double units) {
  return std::max<std::int64_t>(99, static_cast<std::int64_t>(std::floor(units * 100.0 + 0.5)));
}

// Times of a Poisson process with `per_day` events a day over [from, to).
template <typename F>
void poisson_times(Rng& rng, double from, double to, double per_day, F&& each) {
  if (per_day <= 0) return;
  const double mean_gap = kDay / per_day;
  for (double t = from + rng.exponential(mean_gap); t < to; t += rng.exponential(mean_gap)) each(t);
}

}  // namespace

GenCustomer simulate_person(std::uint64_t seed, std::uint32_t person, const Span& span,
                            std::vector<GenEvent>& out) {
  Rng rng(mix64(seed ^ mix64(person + 0x51ed270b27c5f0e1ULL)));
  PersonEvents ev(person, span, out);
  const double begin = static_cast<double>(span.begin);
  const double end = static_cast<double>(span.end);
  GenCustomer row;

  // --- Reach: touches --------------------------------------------------------
  double t = begin + rng.uniform() * (end - begin) * 0.95;
  const std::uint8_t main_channel = static_cast<std::uint8_t>(rng.pick(kChannelCumulative));
  std::uint8_t channel = main_channel;
  int touches = 1;
  while (touches < 12 && rng.chance(0.5)) ++touches;
  for (int i = 0; i < touches; ++i) {
    if (i > 0) {
      t += rng.exponential(3 * kDay) + 60;
      channel =
          rng.chance(0.7) ? main_channel : static_cast<std::uint8_t>(rng.pick(kChannelCumulative));
    }
    ev.add(t, code(EventType::kTouch), channel);
  }
  const double last_touch = t;

  // Prospects: some left an address (lead form) and get a few campaigns.
  const bool converts = rng.chance(0.62);
  const double signup = t + rng.exponential(2 * kDay) + 600;
  if (!converts || signup >= end) {
    if (rng.chance(0.4)) {
      for (std::size_t k = 0; k < span.campaign_times.size(); ++k) {
        const double sent = static_cast<double>(span.campaign_times[k]);
        if (sent < last_touch || sent > last_touch + 120 * kDay || !rng.chance(0.5)) continue;
        ev.add(sent + rng.uniform() * 3600, code(EventType::kEmailSent), kNoChannel, 0, -1,
               static_cast<std::uint32_t>(k + 1));
      }
    }
    return row;
  }

  // --- Acquisition -------------------------------------------------------------
  row.present = true;
  row.channel = rng.chance(0.95) ? channel : kNoChannel;
  row.country = static_cast<std::uint8_t>(rng.pick(kCountryCumulative));
  row.plan = static_cast<std::uint8_t>(rng.pick(kPlanCumulative));
  const bool guest = rng.chance(0.05);  // acquired by a purchase, no signup event
  row.acquired_at = static_cast<Timestamp>(signup);
  row.acquired_at_blank = guest || rng.chance(0.08);
  if (!guest) ev.add(signup, code(EventType::kSignup), channel);
  const double sentiment = rng.beta(6.0, 1.4);  // drives survey scores (mean 0.81)

  // --- Purchases with dropout (BG/NBD-like) --------------------------------------
  const double rate_per_month = rng.gamma(0.7) * 0.9;
  const double dropout = rng.beta(1.2, 6.0);
  const double spend_level = rng.lognormal(3.8, 0.5);  // median ~45
  double last_activity = signup;
  double buy = guest ? signup + 30 : (rng.chance(0.8) ? signup + rng.exponential(3 * kDay) : -1);
  bool alive = true;
  while (buy >= 0 && buy < end && alive) {
    const std::int64_t cents = to_cents(spend_level * rng.lognormal(-0.08, 0.4));
    ev.add(buy, code(EventType::kPurchase), kNoChannel, cents);
    last_activity = buy;
    if (rng.chance(0.06)) {
      const std::int64_t back =
          rng.chance(0.7)
              ? cents
              : std::max<std::int64_t>(
                    1, static_cast<std::int64_t>(static_cast<double>(cents) * rng.uniform()));
      ev.add(buy + rng.exponential(7 * kDay) + 3600, code(EventType::kRefund), kNoChannel, back);
    }
    if (rng.chance(0.3))
      ev.add(buy + rng.exponential(2 * kDay) + 600, code(EventType::kCsat), kNoChannel, 0,
             clamp_score(1 + 4 * sentiment + 0.8 * rng.normal(), 1, 5));
    alive = !rng.chance(dropout);
    if (rate_per_month <= 0) break;
    buy += rng.exponential(kMonth / rate_per_month) + 3600;
  }
  double active_until = last_activity + rng.exponential(40 * kDay);

  // --- Subscriptions ----------------------------------------------------------------
  if (row.plan != kPlanFree) {
    const double mean_months = row.plan == 0 ? 14 : row.plan == 3 ? 20 : 30;
    double start = signup + 60;
    for (int round = 0; round < 3 && start < end; ++round) {
      ev.add(start, code(EventType::kSubscriptionStart));
      const double cancel = start + rng.exponential(mean_months * kMonth);
      active_until = std::max(active_until, std::min(cancel, end));
      if (cancel >= end) break;
      ev.add(cancel, code(EventType::kSubscriptionCancel));
      if (!rng.chance(0.25)) break;
      start = cancel + rng.exponential(60 * kDay) + kDay;
    }
  }
  active_until = std::min(active_until, end);

  // --- Engagement while active: logins, features, surveys, referrals ----------------
  poisson_times(rng, signup, active_until, rng.gamma(1.2) * 0.038, [&](double when) {
    ev.add(when, kLogin);
    if (rng.chance(0.35)) ev.add(when + rng.exponential(300) + 1, kFeatureUsed);
  });
  poisson_times(rng, signup + 14 * kDay, active_until, 1.0 / 150, [&](double when) {
    ev.add(when, code(EventType::kNps), kNoChannel, 0,
           clamp_score(10 * sentiment + 1.5 * rng.normal(), 0, 10));
  });
  poisson_times(rng, signup, active_until, 1.0 / 365, [&](double when) {
    ev.add(when, code(EventType::kCes), kNoChannel, 0,
           clamp_score(1 + 6 * sentiment + rng.normal(), 1, 7));
  });
  if (rng.chance(0.12)) {
    int referrals = 1;
    while (referrals < 6 && rng.chance(0.3)) ++referrals;
    for (int i = 0; i < referrals; ++i)
      ev.add(signup + rng.uniform() * (active_until - signup), code(EventType::kReferral));
  }

  // --- Email campaigns until unsubscribed -------------------------------------------
  const bool bad_address = rng.chance(0.01);
  const double open_rate = rng.beta(2.0, 5.0);
  for (std::size_t k = 0; k < span.campaign_times.size(); ++k) {
    const double sent_at = static_cast<double>(span.campaign_times[k]);
    if (sent_at < signup || !rng.chance(0.5)) continue;
    const auto campaign = static_cast<std::uint32_t>(k + 1);
    const double sent = sent_at + rng.uniform() * 3 * 3600;
    ev.add(sent, code(EventType::kEmailSent), kNoChannel, 0, -1, campaign);
    if (bad_address || rng.chance(0.02)) {
      ev.add(sent + 5 + rng.uniform() * 60, code(EventType::kEmailBounced), kNoChannel, 0, -1,
             campaign);
      continue;
    }
    ev.add(sent + 2 + rng.uniform() * 30, code(EventType::kEmailDelivered), kNoChannel, 0, -1,
           campaign);
    if (!rng.chance(open_rate)) continue;
    const double opened = sent + 60 + rng.exponential(kDay);
    ev.add(opened, code(EventType::kEmailOpened), kNoChannel, 0, -1, campaign);
    if (rng.chance(0.18))
      ev.add(opened + 5 + rng.exponential(600), code(EventType::kEmailClicked), kNoChannel, 0, -1,
             campaign);
    if (rng.chance(0.012)) {
      ev.add(opened + 10 + rng.exponential(600), code(EventType::kEmailUnsubscribed), kNoChannel, 0,
             -1, campaign);
      break;
    }
  }
  return row;
}

}  // namespace clm::gen
