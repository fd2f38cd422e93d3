// churn_report — embeds clm the way a service does: loads the events table
// from a file, computes the report's churn section with a 60-day inactivity
// window and writes it as JSON to standard output.
//
//   $ ./churn_report ../examples/data/events.csv
//   {"clm_version": "0.1.0", ... "sections": [{"id": "churn", ...}]}
#include <clm/clm.h>

#include <cstdio>
#include <iostream>

namespace {

int fail(const clm::Status& s) {
  std::fprintf(stderr, "churn_report: %s\n", s.message().c_str());
  // The exit statuses of the clm tool (docs/input.md): 66 no input, 65 bad data.
  return s.code() == clm::Status::Code::kNoInput ? 66 : 65;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: churn_report EVENTS.csv\n");
    return 2;
  }

  clm::ReportOptions options;                    // docs/metrics.md defaults, monthly periods, UTC
  options.activity.inactivity_window_days = 60;  // W: 60 instead of 90 days

  clm::Result<clm::Analysis> analysis = clm::Analysis::load({.events = argv[1]}, options);
  if (!analysis.ok()) return fail(analysis.status());
  clm::Result<clm::Document> doc = analysis->report({"churn"});
  if (!doc.ok()) return fail(doc.status());
  if (clm::Status s = clm::write_report(std::cout, *doc, clm::Format::kJson); !s.ok()) {
    return fail(s);
  }
  return 0;
}
