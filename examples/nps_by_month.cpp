// nps_by_month — embeds clm: builds an event store in code (no files),
// computes the Net Promoter Score per calendar month and prints it.
//
//   $ ./nps_by_month
//   month       n  promoters passives detractors    NPS    MoE
//   2024-01     4          2        1          1   25.0   81.3
//   ...
#include <clm/analysis.h>
#include <clm/event_store.h>
#include <clm/time.h>

#include <cstdio>
#include <string>

namespace {

// Unix seconds of a UTC date and time.
clm::Timestamp at(int year, unsigned month, unsigned day, int hour = 12) {
  return clm::days_from_civil({year, month, day}) * clm::kSecondsPerDay + hour * 3600;
}

int fail(const clm::Status& s) {
  std::fprintf(stderr, "nps_by_month: %s\n", s.message().c_str());
  return 1;
}

}  // namespace

int main() {
  // NPS answers (0–10) of a few customers over three months.
  struct Answer {
    const char* customer;
    clm::Timestamp time;
    int score;
  };
  const Answer answers[] = {
      {"alice", at(2024, 1, 5), 10}, {"bob", at(2024, 1, 9), 9},    {"carol", at(2024, 1, 20), 7},
      {"dave", at(2024, 1, 28), 3},  {"alice", at(2024, 2, 2), 9},  {"bob", at(2024, 2, 14), 6},
      {"erin", at(2024, 2, 29), 8},  {"carol", at(2024, 3, 3), 10}, {"dave", at(2024, 3, 15), 9},
      {"erin", at(2024, 3, 30), 10},
  };

  clm::EventStoreBuilder builder;
  for (const Answer& a : answers) {
    clm::EventInput e;
    e.customer_id = a.customer;
    e.time = a.time;
    e.type = "nps";
    e.score = a.score;
    if (clm::Status s = builder.add_event(e); !s.ok()) return fail(s);
  }
  clm::Result<clm::EventStore> store = builder.build();
  if (!store.ok()) return fail(store.status());

  // Default settings: the window spans the data's days, periods are calendar
  // months in UTC, and everyone is in one group ("all").
  clm::ReportOptions options;
  options.scope.period = clm::PeriodUnit::kMonth;
  clm::Result<clm::Analysis> analysis =
      clm::Analysis::create(std::make_shared<const clm::EventStore>(std::move(*store)), options);
  if (!analysis.ok()) return fail(analysis.status());
  clm::Result<clm::SurveyResults> surveys = analysis->surveys();
  if (!surveys.ok()) return fail(surveys.status());

  std::printf("%-8s %4s %10s %8s %10s %6s %6s\n", "month", "n", "promoters", "passives",
              "detractors", "NPS", "MoE");
  const auto print = [](const std::string& label, const clm::NpsResult& r) {
    std::printf("%-8s %4lld %10lld %8lld %10lld ", label.c_str(), static_cast<long long>(r.n),
                static_cast<long long>(r.promoters), static_cast<long long>(r.passives),
                static_cast<long long>(r.detractors));
    if (r.nps) {
      std::printf("%6.1f %6.1f\n", *r.nps, *r.margin_of_error);
    } else {
      std::printf("%6s %6s\n", "-", "-");  // no answers: NPS is undefined
    }
  };
  const clm::GroupSeries<clm::NpsResult>& all = surveys->nps.at(0);  // the one group
  for (std::size_t p = 0; p < all.periods.size(); ++p) {
    print(analysis->scope().periods[p].label, all.periods[p]);
  }
  print("all", all.window);
  return 0;
}
