// The progress line: a pure formatter and a small thread that redraws it.
#include "progress.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <string_view>

namespace clm::cli {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);  // at most 10 redraws a second

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Bytes this process has read through read(2) so far; 0 where unknown.
std::int64_t bytes_read_by_process() {
  std::ifstream io("/proc/self/io");
  std::string key;
  std::int64_t value = 0;
  while (io >> key >> value) {
    if (key == "rchar:") return value;
  }
  return 0;
}

void write_stderr(std::string_view s) {
  while (!s.empty()) {
    const ssize_t n = ::write(STDERR_FILENO, s.data(), s.size());
    if (n <= 0) return;  // progress is best effort
    s.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

bool progress_wanted(bool quiet) {
  return !quiet && ::isatty(STDERR_FILENO) == 1;
}

Progress::Progress(bool enabled) : enabled_(enabled) {
  if (enabled_) thread_ = std::thread([this] { run(); });
}

Progress::~Progress() {
  finish();
}

void Progress::phase(std::string name, std::int64_t total_bytes) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  shown_.phase = std::move(name);
  shown_.total = total_bytes;
  shown_.bytes = total_bytes > 0 ? 0 : -1;
  read_base_ = bytes_read_by_process();
  parsed_base_ = parsed_.load(std::memory_order_relaxed);
  phase_start_ = now_seconds();
  shown_.seconds = 0;
}

void Progress::add_rows(std::int64_t rows) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  shown_.rows += rows;
}

void Progress::finish() {
  if (!enabled_) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (drawn_width_ > 0) {
    // Blank the line with spaces (no terminal escape codes) and return to its start.
    write_stderr("\r" + std::string(drawn_width_, ' ') + "\r");
    drawn_width_ = 0;
  }
  enabled_ = false;
}

void Progress::run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!cv_.wait_for(lock, kRedrawInterval, [this] { return stop_; })) {
    if (shown_.phase.empty()) continue;
    draw_locked();
  }
}

void Progress::draw_locked() {
  shown_.seconds = now_seconds() - phase_start_;
  if (shown_.bytes >= 0) {
    const auto parsed =
        static_cast<std::int64_t>(parsed_.load(std::memory_order_relaxed) - parsed_base_);
    shown_.bytes = std::max(bytes_read_by_process() - read_base_, parsed);
  }
  std::string line = format_progress(shown_);
  const std::size_t width = line.size();
  if (width < drawn_width_) line += std::string(drawn_width_ - width, ' ');
  write_stderr("\r" + line);
  drawn_width_ = width > drawn_width_ ? width : drawn_width_;
}

}  // namespace clm::cli
