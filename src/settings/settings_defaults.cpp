// The settings' defaults, read from the option structs that use them so that
// each default value is written once.
#include "clm/activation.h"
#include "clm/activity.h"
#include "clm/cohorts.h"
#include "clm/email.h"
#include "clm/period.h"
#include "clm/predictive_clv.h"
#include "clm/scope.h"
#include "clm/settings.h"
#include "clm/stages.h"
#include "clm/surveys.h"

namespace clm::detail {

std::string default_period() {
  return std::string(period_unit_name(ScopeOptions{}.period));
}
std::string default_tz() {
  return Calendar{}.tz.name();
}
std::string default_week_start() {
  static constexpr const char* kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                           "thursday", "friday", "saturday"};
  return kNames[static_cast<int>(Calendar{}.week_start)];
}
// One margin for CLV, CAC payback and predictive CLV; all three default alike.
double default_margin() {
  return ScopeOptions{}.margin;
}
std::int64_t default_inactivity_days() {
  return ActivityOptions{}.inactivity_window_days;
}
std::vector<std::string> default_activity_types() {
  return ActivityOptions{}.activity_types;
}
std::int64_t default_loyalty_purchases() {
  return StageOptions{}.loyalty_purchases;
}
std::int64_t default_activation_days() {
  return ActivationOptions{}.activation_window_days;
}
bool default_latest_answers() {
  return SurveyOptions{}.latest_only;
}
std::string default_email_delivered() {
  switch (EmailOptions{}.delivered) {
    case EmailOptions::Delivered::kEvents:
      return "events";
    case EmailOptions::Delivered::kSentMinusBounced:
      return "sent_minus_bounced";
    case EmailOptions::Delivered::kAuto:
      break;
  }
  return "auto";
}
bool default_cohort_active_or_later() {
  return CohortOptions{}.active_or_later;
}
double default_discount_rate() {
  return ForecastOptions{}.annual_discount;
}
std::int64_t default_horizon_months() {
  return ForecastOptions{}.horizon_months;
}

}  // namespace clm::detail
