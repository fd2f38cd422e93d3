// Shared by the fuzz targets: invariant checks and splitting one fuzz input
// into a configuration byte and several tables.
//
// Each target's body is a plain function `int clm_fuzz_<name>(const uint8_t*,
// size_t)` so the same code runs under libFuzzer (fuzz/libfuzzer_entry.cpp)
// and in the unit suite, which replays fuzz/regressions/** through it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

// An invariant of clm does not hold for this input: say which, then trap so
// libFuzzer records the input as a crash (and the replay test fails loudly).
#define CLM_FUZZ_CHECK(cond)                                                                 \
  do {                                                                                       \
    if (!(cond)) {                                                                           \
      std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::fflush(stderr);                                                                   \
      __builtin_trap();                                                                      \
    }                                                                                        \
  } while (0)

namespace clm::fuzz {

// The input as text. An empty input keeps its pointer: libFuzzer passes a
// valid one, a replayed empty file passes null, and both must be handled.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Takes the first byte of `text` as a configuration byte (0 when empty).
inline std::uint8_t take_config(std::string_view& text) {
  if (text.empty()) return 0;
  const auto c = static_cast<std::uint8_t>(text.front());
  text.remove_prefix(1);
  return c;
}

// Splits `text` at `sep` into at most `max_parts` parts (the last keeps any
// further separators), so one input can carry events, customers and spend.
inline std::vector<std::string_view> split_parts(std::string_view text, char sep,
                                                 std::size_t max_parts) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < max_parts) {
    const std::size_t at = text.find(sep);
    if (at == std::string_view::npos) break;
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + 1);
  }
  parts.push_back(text);
  return parts;
}

// Separator of the tables in one report-fuzzer input: ASCII record separator,
// which no seed contains and the readers reject nowhere in particular.
inline constexpr char kTableSeparator = '\x1e';

}  // namespace clm::fuzz
