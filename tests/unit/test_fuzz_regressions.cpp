// Replays the fuzz inputs — every crash ever found (fuzz/regressions/<target>/)
// and the seed corpora (fuzz/corpus/<target>/) — through the same functions
// the libFuzzer targets run. A broken invariant traps with a message naming
// it; a sanitizer build (the asan preset) also catches memory errors and UB.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

int clm_fuzz_csv_reader(const std::uint8_t* data, std::size_t size);
int clm_fuzz_json_reader(const std::uint8_t* data, std::size_t size);
int clm_fuzz_timestamp(const std::uint8_t* data, std::size_t size);
int clm_fuzz_money(const std::uint8_t* data, std::size_t size);
int clm_fuzz_report(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;
using Body = int (*)(const std::uint8_t*, std::size_t);

struct Target {
  const char* name;
  Body body;
};

constexpr Target kTargets[] = {
    {"csv_reader", clm_fuzz_csv_reader}, {"json_reader", clm_fuzz_json_reader},
    {"timestamp", clm_fuzz_timestamp},   {"money", clm_fuzz_money},
    {"report", clm_fuzz_report},
};

const fs::path kFuzzDir = CLM_FUZZ_DIR;

std::vector<fs::path> inputs_of(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The file's bytes; an empty file gives an empty vector, whose data() is null,
// like a std::string_view() handed to the library.
std::vector<std::uint8_t> bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void replay(const Target& target, const fs::path& dir) {
  for (const fs::path& file : inputs_of(dir)) {
    INFO("input " << file.string());
    const std::vector<std::uint8_t> bytes = bytes_of(file);
    CHECK(target.body(bytes.data(), bytes.size()) == 0);
  }
}

}  // namespace

TEST_CASE("every fuzz target is replayed", "[fuzz]") {
  // A target added under fuzz/targets/ must be added to kTargets above.
  std::size_t sources = 0;
  for (const fs::path& file : inputs_of(kFuzzDir / "targets")) {
    if (file.extension() != ".cpp") continue;
    ++sources;
    const std::string name = file.stem().string();
    INFO("fuzz target " << name);
    CHECK(std::any_of(std::begin(kTargets), std::end(kTargets),
                      [&](const Target& t) { return name == t.name; }));
  }
  CHECK(sources == std::size(kTargets));
}

TEST_CASE("fuzz regressions replay clean", "[fuzz]") {
  for (const Target& target : kTargets) {
    // Each target keeps its regressions in a folder of its own name; a missing
    // or empty folder (a renamed target, a typo) would replay nothing and pass.
    const fs::path dir = kFuzzDir / "regressions" / target.name;
    INFO("regression folder " << dir.string());
    CHECK(fs::is_directory(dir));
    CHECK(!inputs_of(dir).empty());
    DYNAMIC_SECTION(target.name) {
      replay(target, dir);
    }
  }
}

TEST_CASE("fuzz seed corpora replay clean", "[fuzz]") {
  for (const Target& target : kTargets) {
    // Each target has seeds; an empty or missing corpus would test nothing.
    CHECK(!inputs_of(kFuzzDir / "corpus" / target.name).empty());
    DYNAMIC_SECTION(target.name) {
      replay(target, kFuzzDir / "corpus" / target.name);
    }
  }
}
