// Progress on standard error while clm reads and computes: phase, bytes read
// of the total, rate, rows and elapsed time, redrawn in place at most 10
// times a second and cleared at the end. Shown only when standard error is a
// terminal and --quiet is not given; it never uses colour.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "clm/progress_line.h"

namespace clm::cli {

// True when progress should be shown: standard error is a terminal and not quiet.
bool progress_wanted(bool quiet);

// The live display. Disabled, every call does nothing. Bytes are the larger of
// the bytes this process has read (Linux /proc/self/io) and the bytes the
// readers report through parsed_bytes() — memory-mapped files are not read(2).
class Progress {
 public:
  explicit Progress(bool enabled);
  ~Progress();  // clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Starts a phase; `total_bytes` > 0 makes it a reading phase of that size.
  void phase(std::string name, std::int64_t total_bytes = 0);
  // The counter to pass as ReadOptions::progress_bytes; null when disabled.
  std::atomic<std::uint64_t>* parsed_bytes() { return enabled_ ? &parsed_ : nullptr; }
  // Adds rows read (shown from the next redraw on).
  void add_rows(std::int64_t rows);
  // Stops the display and clears its line (before the report is printed).
  void finish();

 private:
  void run();
  void draw_locked();

  bool enabled_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  ProgressSnapshot shown_;
  std::int64_t read_base_ = 0;  // bytes read by the process when the phase began
  std::atomic<std::uint64_t> parsed_{0};
  std::uint64_t parsed_base_ = 0;  // parsed_ when the phase began
  double phase_start_ = 0;         // seconds on the steady clock
  std::size_t drawn_width_ = 0;
  std::thread thread_;
};

}  // namespace clm::cli
