// Fuzz target: the CSV reader (events, customers or spend; strict and lenient;
// events also on several threads in tiny chunks, which must change nothing).
//
// Input: one configuration byte (table = byte % 3, bit 2: timestamps without an
// offset are read in Europe/Berlin instead of UTC), then the CSV text.
#include <cstddef>
#include <cstdint>

#include "parallel_check.h"
#include "reader_check.h"

int clm_fuzz_csv_reader(const std::uint8_t* data, std::size_t size) {
  using namespace clm::fuzz;
  std::string_view text = as_text(data, size);
  const std::uint8_t config = take_config(text);
  check_reader(table_of(config), text, clm::InputFormat::kCsv, fuzz_zone(config & 4));
  if (table_of(config) == FuzzTable::kEvents) {
    check_parallel_events(text, clm::InputFormat::kCsv, fuzz_zone(config & 4));
  }
  return 0;
}
