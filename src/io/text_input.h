// Internal: the bytes of one input table and the checks and helpers every
// reader shares (limits, text checks, message formatting).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "clm/status.h"

namespace clm::io {

// Documented limits (docs/input.md, "Limits"). They bound memory per row and keep a
// broken file (an unclosed quote, a binary blob) from turning into one giant
// value.
inline constexpr std::size_t kMaxFieldBytes = std::size_t{1} << 20;  // 1 MiB per value
inline constexpr std::size_t kMaxRowBytes = std::size_t{16} << 20;   // 16 MiB per row / JSON object
inline constexpr std::size_t kMaxColumns = 1024;                     // columns of a CSV header
inline constexpr std::size_t kPadding = 64;  // >= SIMDJSON_PADDING, zeroed bytes after the data

// Frees an InputBuffer's heap bytes, or unmaps its memory-mapped file (mapped > 0),
// closing the file and forgetting it in the registry of mapped inputs.
struct InputRelease {
  std::size_t mapped = 0;
  int fd = -1;    // the mapped file, kept open to tell whether it changed
  int slot = -1;  // its entry in the registry read by mapped_input_at(), -1 = none
  void operator()(char* p) const;
};

// The whole content of an input with kPadding zero bytes after it, so the JSON
// reader can hand any slice of it to simdjson without copying.
class InputBuffer {
 public:
  InputBuffer() = default;
  // Reads a file ("-" = standard input) in one go. NoInput if it cannot be
  // opened or read (message "cannot open 'x': <reason>"), also when it is
  // larger than the machine's memory (fails before allocating).
  static Result<InputBuffer> read_file(std::string_view path);
  // A padded copy of bytes already in memory.
  static InputBuffer copy_of(std::string_view data);

  std::string_view text() const { return {bytes_.get(), size_}; }
  // True when the bytes are a read-only mapping of a file: pages given back
  // with PageReleaser are read again from the file if touched.
  bool mapped() const { return bytes_.get_deleter().mapped > 0; }
  // Bytes readable from text().data(): size + kPadding.
  std::size_t capacity() const { return size_ + kPadding; }
  // For a mapped file: IoError "cannot read 'NAME': the file changed while it
  // was being read" when its size or modification time is no longer what they
  // were when it was mapped (a file rewritten in place under the reader).
  // Its bytes may then be a mix of old and new content.
  Status check_unchanged(std::string_view name) const;

 private:
  // Maps a regular file of `size` bytes with zeroed padding after it; null on failure.
  static std::unique_ptr<char[], InputRelease> map_file(int fd, std::size_t size,
                                                        std::string_view name);

  std::unique_ptr<char[], InputRelease> bytes_;
  std::size_t size_ = 0;
  std::int64_t mtime_ns_ = 0;  // of a mapped file when it was mapped
};

// Follows a reader through its input: gives the pages of a mapped input that
// the reader has passed back to the kernel, so a large file does not stay
// resident while the store is built from it, and counts the bytes passed for a
// progress display. Disabled (default-constructed): does nothing.
class PageReleaser {
 public:
  PageReleaser() = default;
  explicit PageReleaser(const char* begin) : next_(begin), release_(true) {}
  // `release`: begin..is a mapped input; `progress`: if not null, gets the bytes passed.
  PageReleaser(const char* begin, bool release, std::atomic<std::uint64_t>* progress)
      : next_(begin), release_(release), progress_(progress) {}
  // The reader will not need bytes before p again (it may, at a cost).
  void passed(const char* p) {
    if ((release_ || progress_ != nullptr) && p - next_ >= kStep) advance(p);
  }

 private:
  static constexpr std::ptrdiff_t kStep = std::ptrdiff_t{8} << 20;
  void advance(const char* p);

  const char* next_ = nullptr;
  bool release_ = false;
  std::atomic<std::uint64_t>* progress_ = nullptr;
};

// Drops a leading UTF-8 byte-order mark.
std::string_view strip_bom(std::string_view data);

// File-level text checks: DataError "name:line: NUL byte ..." for binary
// data and "name:line: invalid UTF-8 ..." for another encoding.
Status check_text(std::string_view data, std::string_view name);

// 1-based line number of byte `offset` (counts '\n' before it).
std::int64_t line_of(std::string_view data, std::size_t offset);

// A value as shown in messages: at most 60 bytes (cut at a character
// boundary, then "…"), control characters escaped (\n, \t, \x01).
std::string shorten(std::string_view value);

}  // namespace clm::io
