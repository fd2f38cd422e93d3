// Internal: the bytes of one input table and the checks and helpers every
// reader shares (limits, text checks, message formatting).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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
// resident while the store is built from it, counts the bytes passed for a
// progress display, and tells the reader of one chunk of a table to stop when
// a chunk before it failed. Disabled (default-constructed): does nothing.
class PageReleaser {
 public:
  PageReleaser() = default;
  // `release`: begin..is a mapped input; `progress`: if not null, gets the bytes passed.
  PageReleaser(const char* begin, bool release, std::atomic<std::uint64_t>* progress)
      : next_(begin), release_(release), progress_(progress) {}
  // The reader reads chunk `index`; *first_failed is the lowest chunk that failed.
  void stop_after_failure(const std::atomic<std::size_t>* first_failed, std::size_t index) {
    first_failed_ = first_failed;
    index_ = index;
  }
  // The reader will not need bytes before p again (it may, at a cost). False
  // when it should stop, its chunk's rows being of no use: a chunk before it
  // failed (looked at every 8 MiB, so a reader stops within 8 MiB).
  [[nodiscard]] bool passed(const char* p) {
    if (!(release_ || progress_ != nullptr || first_failed_ != nullptr) || p - next_ < kStep) {
      return true;
    }
    return advance(p);
  }

 private:
  static constexpr std::ptrdiff_t kStep = std::ptrdiff_t{8} << 20;
  bool advance(const char* p);

  const char* next_ = nullptr;
  bool release_ = false;
  std::atomic<std::uint64_t>* progress_ = nullptr;
  const std::atomic<std::size_t>* first_failed_ = nullptr;
  std::size_t index_ = 0;
};

// Drops a leading UTF-8 byte-order mark.
std::string_view strip_bom(std::string_view data);

// Gives the whole pages inside [begin, end) of a mapped input back to the kernel.
void release_pages(const char* begin, const char* end);

// The text checks cut a table's bytes into blocks of about this size (at a
// character boundary, so each block is valid UTF-8 on its own exactly when
// the whole is, up to that block) and stop at the first bad block.
inline constexpr std::size_t kCheckBlock = std::size_t{4} << 20;

// What the text checks found in a table's bytes.
struct TextCheck {
  // The problem of the first bad block: its first NUL byte, or else its
  // first invalid UTF-8 sequence. DataError "name:line: NUL byte ..." for
  // binary data and "name:line: invalid UTF-8 ..." for another encoding.
  Status status;
  // When status is OK: the block offsets (blocks + 1 of them, the last the
  // size) and the count of '\n' in each block, to number lines.
  std::vector<std::size_t> block_begin;
  std::vector<std::int64_t> newlines;
  // Bytes checked: the blocks up to the first bad one, and at most
  // `threads` - 1 blocks after it.
  std::uint64_t bytes_examined = 0;

  // 1-based line number of byte `offset` of the checked data (status OK).
  std::int64_t line_at(std::string_view data, std::size_t offset) const;
};

// Checks `data` on up to `threads` threads, blocks in file order, so the
// result does not depend on the thread count. `mapped`: `data` is a mapped
// file whose checked pages are given back.
TextCheck check_text_blocks(std::string_view data, std::string_view name, unsigned threads = 1,
                            bool mapped = false);

// check_text_blocks(data, name).status.
Status check_text(std::string_view data, std::string_view name);

// 1-based line number of byte `offset` (counts '\n' before it).
std::int64_t line_of(std::string_view data, std::size_t offset);

// A value as shown in messages: at most 60 bytes (cut at a character
// boundary, then "…"), control characters escaped (\n, \t, \x01).
std::string shorten(std::string_view value);

}  // namespace clm::io
