// The libFuzzer entry point of one target: compiled once per target with
// CLM_FUZZ_ENTRY naming its body (fuzz/targets/<name>.cpp).
#include <cstddef>
#include <cstdint>

#ifndef CLM_FUZZ_ENTRY
#error "define CLM_FUZZ_ENTRY to the target's body, e.g. clm_fuzz_csv_reader"
#endif

int CLM_FUZZ_ENTRY(const std::uint8_t* data, std::size_t size);

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return CLM_FUZZ_ENTRY(data, size);
}
