// clm::OutputFile: all-or-nothing writes of regular files that keep their
// mode, links followed, FIFOs written in place, and the temporary files that
// a signal handler removes. Everything happens in a fresh temporary directory.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include "clm/ingest.h"
#include "clm/output_file.h"
#include "io/text_input.h"

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "clm-output-XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
  }
  ~TempDir() { fs::remove_all(path); }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
  int entries() const {
    return static_cast<int>(std::distance(fs::directory_iterator(path), fs::directory_iterator()));
  }
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_plain(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

unsigned mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("OutputFile replaces a regular file whole and keeps its mode", "[output]") {
  TempDir dir;
  const std::string path = dir / "r.txt";
  write_plain(path, "old");
  REQUIRE(::chmod(path.c_str(), 0600) == 0);
  {
    auto f = clm::OutputFile::open(path);
    REQUIRE(f.ok());
    REQUIRE(f->append("new ").ok());
    REQUIRE(f->append("text").ok());
    CHECK(read_all(path) == "old");  // nothing visible before commit
    CHECK(dir.entries() == 2);       // the file and one temporary beside it
    REQUIRE(f->commit().ok());
  }
  CHECK(read_all(path) == "new text");
  CHECK(mode_of(path) == 0600);
  CHECK(dir.entries() == 1);
}

TEST_CASE("OutputFile without commit leaves the old file and no temporary", "[output]") {
  TempDir dir;
  const std::string path = dir / "r.txt";
  write_plain(path, "old");
  {
    auto f = clm::OutputFile::open(path);
    REQUIRE(f.ok());
    REQUIRE(f->append("half").ok());
  }
  CHECK(read_all(path) == "old");
  CHECK(dir.entries() == 1);
}

TEST_CASE("OutputFile follows links, also dangling ones", "[output]") {
  TempDir dir;
  write_plain(dir / "target.txt", "old");
  fs::create_symlink("target.txt", dir / "link.txt");
  REQUIRE(clm::write_file(dir / "link.txt", "via link").ok());
  CHECK(fs::is_symlink(dir / "link.txt"));
  CHECK(read_all(dir / "target.txt") == "via link");

  fs::create_symlink("made.txt", dir / "dangling.txt");
  REQUIRE(clm::write_file(dir / "dangling.txt", "made").ok());
  CHECK(fs::is_symlink(dir / "dangling.txt"));
  CHECK(read_all(dir / "made.txt") == "made");

  fs::create_symlink("b", dir / "a");
  fs::create_symlink("a", dir / "b");
  const clm::Status loop = clm::write_file(dir / "a", "x");
  CHECK(loop.code() == clm::Status::Code::kIoError);
  CHECK(loop.message().find("'" + (dir / "a") + "'") != std::string::npos);
}

TEST_CASE("OutputFile writes into a FIFO instead of replacing it", "[output]") {
  TempDir dir;
  const std::string fifo = dir / "p";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string got;
  std::thread reader([&] { got = read_all(fifo); });
  const clm::Status s = clm::write_file(fifo, "through the pipe");
  reader.join();
  REQUIRE(s.ok());
  CHECK(got == "through the pipe");
  CHECK(fs::is_fifo(fifo));
  CHECK(dir.entries() == 1);
}

TEST_CASE("OutputFile refuses a directory", "[output]") {
  TempDir dir;
  fs::create_directory(dir / "d");
  const clm::Status s = clm::write_file(dir / "d", "x");
  CHECK(s.code() == clm::Status::Code::kIoError);
  CHECK(s.message() == "cannot write '" + (dir / "d") + "': Is a directory");
  CHECK(dir.entries() == 1);
}

TEST_CASE("remove_temporary_output_files removes unfinished writes only", "[output]") {
  TempDir dir;
  REQUIRE(clm::write_file(dir / "done.txt", "done").ok());
  auto f = clm::OutputFile::open(dir / "pending.txt");
  REQUIRE(f.ok());
  REQUIRE(f->append("pending").ok());
  CHECK(dir.entries() == 2);
  clm::remove_temporary_output_files();
  CHECK(dir.entries() == 1);
  CHECK(read_all(dir / "done.txt") == "done");
}

TEST_CASE("a mapped input is found by its address and knows when it changed", "[output][ingest]") {
  TempDir dir;
  const std::string path = dir / "events.csv";
  // Above the size read through a memory mapping (1 MiB).
  write_plain(path, std::string(std::size_t{3} << 20, 'x'));
  auto buffer = clm::io::InputBuffer::read_file(path);
  REQUIRE(buffer.ok());
  REQUIRE(buffer->mapped());
  const char* begin = buffer->text().data();
  REQUIRE(clm::mapped_input_at(begin + 12345) != nullptr);
  CHECK(std::string(clm::mapped_input_at(begin + 12345)) == path);
  int local = 0;
  CHECK(clm::mapped_input_at(&local) == nullptr);
  CHECK(buffer->check_unchanged("events.csv").ok());

  REQUIRE(::truncate(path.c_str(), 1000) == 0);
  const clm::Status changed = buffer->check_unchanged("events.csv");
  CHECK(changed.code() == clm::Status::Code::kIoError);
  CHECK(changed.message() == "cannot read 'events.csv': the file changed while it was being read");

  buffer = clm::io::InputBuffer::copy_of("small");
  CHECK(clm::mapped_input_at(begin + 12345) == nullptr);  // unmapped: forgotten
}
