// clm/clv_summary.h — the per-customer purchase summary (frequency, recency,
// T, monetary) that the "buy till you die" models are fitted on. Not the RFM
// segments of clm/rfm.h, which score customers 1–5 over a report scope.
//
// A transaction is a calendar day with at least one `purchase` (days cut in
// the Calendar's zone; same-day purchases are merged into one transaction).
// Refunds are ignored: the models describe purchase transactions and spend,
// and a net amount could be zero or negative. Only events up to the holdout
// end (or the calibration end without holdout) are read, whatever a report
// window says.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "clm/event_store.h"
#include "clm/status.h"
#include "clm/time.h"

namespace clm {

// The unit in which recency, T, forecast horizons and the models' rate
// parameters are measured. A month is 365.25 / 12 = 30.4375 days.
//
// Not a PeriodUnit (clm/period.h): a PeriodUnit names calendar periods cut in
// a time zone (a calendar month has 28 to 31 days, a quarter and a year exist),
// whereas a TimeUnit is a fixed length of time by which the models' rates are
// scaled, so a week is always 7 days and a month always 30.4375 days.
enum class TimeUnit { kDay, kWeek, kMonth };

// Length of one unit in days: 1, 7 or 30.4375.
double unit_days(TimeUnit unit);
// "day", "week", "month".
std::string_view time_unit_name(TimeUnit unit);
// The unit named "day", "week" or "month"; nullopt for anything else.
std::optional<TimeUnit> parse_time_unit(std::string_view name);

struct SummaryOptions {
  TimeUnit unit = TimeUnit::kWeek;  // unit of t_x, T and holdout_length
  // Last calendar day of the calibration period (inclusive). Customers whose
  // first purchase is later are not in the summary.
  CivilDate calibration_end{1970, 1, 1};
  // Last calendar day of the holdout period (inclusive); nullopt = no holdout.
  // Must be after calibration_end.
  std::optional<CivilDate> holdout_end;
  Calendar calendar;  // zone in which purchase days are cut (UTC)
};

// One customer of the calibration cohort.
struct PurchaseRow {
  CustomerIndex customer = 0;  // index in the EventStore
  std::int32_t x = 0;          // repeat transactions: distinct purchase days − 1
  double t_x = 0;              // recency: last − first purchase day, in units
  double T = 0;                // calibration end day − first purchase day, in units
  double monetary = 0;  // mean purchase value of the repeat days (currency units); 0 if x == 0
  std::int32_t holdout_x = 0;  // purchase days in (calibration end, holdout end]; 0 without holdout
};

struct PurchaseSummary {
  TimeUnit unit = TimeUnit::kWeek;
  std::int64_t calibration_end_day = 0;  // days since 1970-01-01 (local calendar day)
  std::optional<std::int64_t> holdout_end_day;
  double holdout_length = 0;    // (holdout end − calibration end) in units; 0 without holdout
  std::int64_t origin_day = 0;  // earliest first-purchase day of the cohort
  // Customers with a first purchase by the calibration end, by index.
  std::vector<PurchaseRow> rows;
  // Day-level counts from origin_day to the last day read (holdout end or
  // calibration end), for tracking plots: first purchases and repeat
  // transactions of the cohort on each day.
  std::vector<std::int64_t> first_purchases_per_day;
  std::vector<std::int64_t> repeats_per_day;
};

// A calibration or holdout end as text, "YYYY-MM-DD": a day whose start in
// `tz` is an instant the input contract accepts (parse_timestamp). Messages
// begin with `option`, the option or setting the text came from:
// "<option>: expected a date YYYY-MM-DD, got '<text>'" for another form,
// "<option>: <why>" for a date parse_timestamp refuses.
Result<CivilDate> parse_date(std::string_view text, std::string_view option, const TimeZone& tz);

// The calendar day, in `tz`, of the store's latest event: the calibration end
// when none is given. DataError "no events" for a store without events.
Result<CivilDate> latest_event_day(const EventStore& store, const TimeZone& tz);

// Builds the summary. InvalidArgument if holdout_end is not after
// calibration_end; DataError if no customer purchased by the calibration end.
Result<PurchaseSummary> summarize_purchases(const EventStore& store, const SummaryOptions& options);

}  // namespace clm
