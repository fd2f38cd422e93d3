// The text checks (NUL bytes, UTF-8) stop at the first bad block: a broken
// file fails without being read to its end, with the same message whatever
// the thread count.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "clm/ingest.h"
#include "io/text_input.h"

using clm::io::check_text_blocks;
using clm::io::kCheckBlock;

namespace {

const std::string kNul =
    ": NUL byte: not a text file (clm reads UTF-8 CSV or JSON; is it compressed?)";
const std::string kUtf8 =
    ": invalid UTF-8 (clm reads UTF-8 text; convert the file, e.g. with iconv)";

// A sparse file of `size` bytes whose first bytes are `head`: the rest reads
// as NUL bytes and takes no disk space.
struct SparseFile {
  std::string path;
  bool made = false;
  SparseFile(const std::string& head, off_t size) {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern =
        std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/clm_sparse_XXXXXX.csv";
    const int fd = ::mkstemps(pattern.data(), 4);
    if (fd < 0) return;
    path = pattern;
    made = ::write(fd, head.data(), head.size()) == static_cast<ssize_t>(head.size()) &&
           ::ftruncate(fd, size) == 0;
    ::close(fd);
  }
  ~SparseFile() {
    if (!path.empty()) ::unlink(path.c_str());
  }
};

}  // namespace

TEST_CASE("a NUL at line 3 of a 2 GiB sparse file is found in its first blocks",
          "[ingest][text_check]") {
  const SparseFile file("customer_id,timestamp,type\nc1,2024-03-01,touch\n", off_t{2} << 30);
  REQUIRE(file.made);
  auto buffer = clm::io::InputBuffer::read_file(file.path);
  REQUIRE(buffer.ok());
  REQUIRE(buffer->text().size() == std::size_t{2} << 30);
  for (const unsigned threads : {1u, 2u, 4u}) {
    INFO("threads " << threads);
    const auto check = check_text_blocks(buffer->text(), "big.csv", threads, buffer->mapped());
    CHECK(check.status.message() == "big.csv:3" + kNul);
    // Block 0 is bad: at most threads blocks were handed out before it was done.
    CHECK(check.bytes_examined >= kCheckBlock);
    CHECK(check.bytes_examined <= threads * kCheckBlock);
  }
  // The same error through the reader, on one thread and on several.
  for (const unsigned threads : {1u, 2u}) {
    clm::ReadOptions options;
    options.threads = threads;
    clm::EventStoreBuilder builder;
    clm::TableLoad load;
    const clm::Status s = clm::load_events(file.path, options, builder, load);
    CHECK(s.code() == clm::Status::Code::kDataError);
    CHECK(s.message() == file.path + ":3" + kNul);
  }
}

TEST_CASE("blocks are cut at character boundaries and lines are counted across them",
          "[ingest][text_check]") {
  // Lines of 100 bytes ending in a 3-byte character, so cuts fall inside
  // characters; 10 MiB make three blocks.
  std::string line(96, 'a');
  line += "\u20AC\n";  // € is E2 82 AC
  std::string text;
  while (text.size() < (std::size_t{10} << 20)) text += line;
  const std::size_t lines = text.size() / line.size();
  for (const unsigned threads : {1u, 2u, 3u}) {
    const auto ok = check_text_blocks(text, "t", threads);
    REQUIRE(ok.status.ok());
    CHECK(ok.bytes_examined == text.size());
    REQUIRE(ok.block_begin.size() == 4);
    for (const std::size_t offset : {std::size_t{0}, std::size_t{99}, std::size_t{100},
                                     ok.block_begin[1], ok.block_begin[2] + 7, text.size()}) {
      CHECK(ok.line_at(text, offset) == clm::io::line_of(text, offset));
    }
    CHECK(ok.line_at(text, text.size()) == static_cast<std::int64_t>(lines) + 1);
  }

  // An invalid byte in the third block, a NUL in the second: the second
  // block is the first bad one. 1-based line k starts at (k - 1) * 100.
  std::string bad = text;
  const std::size_t nul_line = 50'000, utf8_line = 90'000;
  bad[(nul_line - 1) * 100 + 5] = '\0';
  bad[(utf8_line - 1) * 100 + 5] = '\xFF';
  for (const unsigned threads : {1u, 2u, 3u}) {
    CHECK(check_text_blocks(bad, "t", threads).status.message() ==
          "t:" + std::to_string(nul_line) + kNul);
  }
  bad[(nul_line - 1) * 100 + 5] = 'a';
  for (const unsigned threads : {1u, 2u, 3u}) {
    const auto check = check_text_blocks(bad, "t", threads);
    CHECK(check.status.message() == "t:" + std::to_string(utf8_line) + kUtf8);
    CHECK(check.bytes_examined == text.size());
  }
  // In one block, a NUL is reported before invalid UTF-8 (a compressed file
  // has both): the message says what the file most likely is.
  std::string gz = "\x1F\x8B\x08";
  gz += '\0';
  CHECK(check_text_blocks(gz, "x.csv.gz").status.message() == "x.csv.gz:1" + kNul);
  // Four continuation bytes in a row are invalid wherever a cut falls.
  std::string run;
  while (run.size() < kCheckBlock - 100) run += std::string(99, 'a') + "\n";
  run.resize(kCheckBlock - 2, 'a');
  run += "\x80\x80\x80\x80\x80\x80" + text;
  for (const unsigned threads : {1u, 2u}) {
    CHECK(check_text_blocks(run, "t", threads).status.message() ==
          "t:" + std::to_string(clm::io::line_of(run, kCheckBlock - 2)) + kUtf8);
  }
}
