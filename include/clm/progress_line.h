// clm/progress_line.h — the text of a progress line (phase, bytes read of
// the total, rate, rows, elapsed time) for a program that shows how far a
// long read or report has got. Drawing it is the caller's business.
#pragma once

#include <cstdint>
#include <string>

namespace clm {

// What one progress line shows.
struct ProgressSnapshot {
  std::string phase;        // "reading events.csv", "building store", "computing report"
  std::int64_t bytes = -1;  // bytes read in this phase; < 0 = not a reading phase
  std::int64_t total = 0;   // size of the file; 0 = unknown
  std::int64_t rows = 0;    // rows read so far (all tables); 0 = not shown
  double seconds = 0;       // elapsed since this phase began
};

// One line of progress text, e.g.
// "reading events.csv: 12.3/45.6 MB (27%), 10.2 MB/s, 1.2 s" or
// "computing report: 1,234,567 rows, 3.4 s". Pure: depends on `s` alone.
std::string format_progress(const ProgressSnapshot& s);

}  // namespace clm
