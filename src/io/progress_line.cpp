// The text of one progress line.
#include "clm/progress_line.h"

#include <fmt/format.h>

namespace clm {
namespace {

std::string fixed1(double v) {
  return fmt::format("{:.1f}", v);
}

// 1234567 -> "1,234,567".
std::string grouped(std::int64_t n) {
  std::string digits = fmt::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace

std::string format_progress(const ProgressSnapshot& s) {
  constexpr double kMB = 1e6;
  std::string line = s.phase + ":";
  std::string sep = " ";
  if (s.bytes >= 0) {
    const std::int64_t bytes = s.total > 0 && s.bytes > s.total ? s.total : s.bytes;
    line += sep + fixed1(static_cast<double>(bytes) / kMB);
    if (s.total > 0) {
      line += fmt::format("/{} MB ({}%)", fixed1(static_cast<double>(s.total) / kMB),
                          bytes * 100 / s.total);
    } else {
      line += " MB";
    }
    if (s.seconds > 0) {
      line += ", " + fixed1(static_cast<double>(bytes) / kMB / s.seconds) + " MB/s";
    }
    sep = ", ";
  }
  if (s.rows > 0) {
    line += sep + grouped(s.rows) + " rows";
    sep = ", ";
  }
  line += sep + fixed1(s.seconds) + " s";
  return line;
}

}  // namespace clm
