// Fuzz target: the JSON Lines and JSON array readers (events, customers or
// spend; strict and lenient; JSON Lines events also on several threads in tiny
// chunks, which must change nothing).
//
// Input: one configuration byte (table = byte % 3, bit 2: Europe/Berlin
// instead of UTC for timestamps without an offset, bit 3: a JSON array instead
// of JSON Lines), then the JSON text.
#include <cstddef>
#include <cstdint>

#include "parallel_check.h"
#include "reader_check.h"

int clm_fuzz_json_reader(const std::uint8_t* data, std::size_t size) {
  using namespace clm::fuzz;
  std::string_view text = as_text(data, size);
  const std::uint8_t config = take_config(text);
  const clm::InputFormat format =
      (config & 8) ? clm::InputFormat::kJson : clm::InputFormat::kJsonLines;
  check_reader(table_of(config), text, format, fuzz_zone(config & 4));
  if (table_of(config) == FuzzTable::kEvents && format == clm::InputFormat::kJsonLines) {
    check_parallel_events(text, format, fuzz_zone(config & 4));
  }
  return 0;
}
