#include "io/text_input.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <limits.h>
#include <simdjson.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <new>
#include <thread>

#include "clm/ingest.h"

namespace clm::io {
namespace {

// Closes a file descriptor on scope exit (not standard input).
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd > 0) ::close(fd);
  }
};

// Files at least this large are memory-mapped rather than read: the kernel
// maps its page cache instead of zeroing fresh pages and copying into them.
constexpr std::size_t kMapThreshold = std::size_t{1} << 20;

std::unique_ptr<char[], InputRelease> allocate(std::size_t n) {
  return std::unique_ptr<char[], InputRelease>(new (std::nothrow) char[n]);
}

std::uint64_t physical_memory() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page <= 0) return UINT64_MAX;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page);
}

// Length of the valid UTF-8 sequence at s[i], or 0 if it is invalid (overlong
// forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return len;
}

// The mapped inputs, for mapped_input_at() in a SIGBUS handler: fixed storage
// and atomic states only. A mapping with no free slot still works; a fault in
// it is only not attributed to its file.
constexpr int kMapSlots = 16;
enum MapSlotState : int { kFree = 0, kBusy = 1, kLive = 2 };
struct MapSlot {
  std::atomic<int> state{kFree};
  std::uintptr_t begin = 0;
  std::uintptr_t end = 0;
  char name[PATH_MAX];
};
MapSlot g_mapped[kMapSlots];

int register_mapping(const void* begin, std::size_t length, std::string_view name) {
  if (name.size() >= PATH_MAX) name = name.substr(0, PATH_MAX - 1);
  for (int i = 0; i < kMapSlots; ++i) {
    int expected = kFree;
    if (g_mapped[i].state.compare_exchange_strong(expected, kBusy)) {
      MapSlot& slot = g_mapped[i];
      slot.begin = reinterpret_cast<std::uintptr_t>(begin);
      slot.end = slot.begin + length;
      std::memcpy(slot.name, name.data(), name.size());
      slot.name[name.size()] = '\0';
      slot.state.store(kLive);
      return i;
    }
  }
  return -1;
}

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

}  // namespace

void InputRelease::operator()(char* p) const {
  if (mapped > 0) {
    if (slot >= 0) g_mapped[slot].state.store(kFree);
    ::munmap(p, mapped);
    if (fd >= 0) ::close(fd);
  } else {
    delete[] p;
  }
}

std::unique_ptr<char[], InputRelease> InputBuffer::map_file(int fd, std::size_t size,
                                                            std::string_view name) {
  const long page = ::sysconf(_SC_PAGESIZE);
  if (page <= 0) return {};
  const auto p = static_cast<std::size_t>(page);
  const std::size_t length = (size + kPadding + p - 1) / p * p;
  // Reserve zeroed anonymous pages for the file and its padding, then map the
  // file over their start: bytes past the end of the file read as zero.
  void* base = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) return {};
  void* file = ::mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
  if (file == MAP_FAILED) {
    ::munmap(base, length);
    return {};
  }
  // Keep the file open (its own descriptor) to tell later whether it changed.
  const int kept = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
  return std::unique_ptr<char[], InputRelease>(
      static_cast<char*>(base), InputRelease{length, kept, register_mapping(base, size, name)});
}

Status InputBuffer::check_unchanged(std::string_view name) const {
  const InputRelease& r = bytes_.get_deleter();
  if (r.mapped == 0 || r.fd < 0) return Status::Ok();
  struct stat st {};
  if (::fstat(r.fd, &st) == 0 && static_cast<std::size_t>(st.st_size) == size_ &&
      mtime_ns(st) == mtime_ns_) {
    return Status::Ok();
  }
  return Status::IoError(
      fmt::format("cannot read '{}': the file changed while it was being read", name));
}

Result<InputBuffer> InputBuffer::read_file(std::string_view path) {
  const bool is_stdin = path == "-";
  const std::string p(path);
  const int fd = is_stdin ? 0 : ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Status::NoInput(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  FdCloser closer{is_stdin ? -1 : fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return Status::NoInput(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) {
    return Status::NoInput(fmt::format("cannot open '{}': {}", path, std::strerror(EISDIR)));
  }

  InputBuffer out;
  // Regular files are read with one allocation of their exact size; pipes grow.
  std::size_t cap = S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : (1u << 16);
  if (cap > physical_memory()) {
    return Status::NoInput(
        fmt::format("cannot read '{}': its {} bytes exceed this machine's memory", path, cap));
  }
  if (S_ISREG(st.st_mode) && cap >= kMapThreshold) {
    out.bytes_ = map_file(fd, cap, is_stdin ? std::string_view("<stdin>") : path);
    if (out.bytes_) {
      out.size_ = cap;
      out.mtime_ns_ = mtime_ns(st);
      return out;
    }
  }
  out.bytes_ = allocate(cap + kPadding);
  if (!out.bytes_) return Status::NoInput(fmt::format("cannot read '{}': out of memory", path));
  std::size_t size = 0;
  for (;;) {
    if (size == cap) {
      // Either a pipe, or a regular file that grew while being read.
      if (cap > physical_memory() / 2) {
        return Status::NoInput(
            fmt::format("cannot read '{}': larger than this machine's memory", path));
      }
      const std::size_t new_cap = cap * 2 + (1u << 16);
      auto bigger = allocate(new_cap + kPadding);
      if (!bigger) return Status::NoInput(fmt::format("cannot read '{}': out of memory", path));
      std::memcpy(bigger.get(), out.bytes_.get(), size);
      out.bytes_ = std::move(bigger);
      cap = new_cap;
    }
    const ssize_t got = ::read(fd, out.bytes_.get() + size, cap - size);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      return Status::NoInput(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    }
    size += static_cast<std::size_t>(got);
  }
  out.size_ = size;
  std::memset(out.bytes_.get() + size, 0, kPadding);
  return out;
}

InputBuffer InputBuffer::copy_of(std::string_view data) {
  InputBuffer out;
  out.bytes_.reset(new char[data.size() + kPadding]());  // zero-initialised
  if (!data.empty()) std::memcpy(out.bytes_.get(), data.data(), data.size());
  out.size_ = data.size();
  return out;
}

bool PageReleaser::advance(const char* p) {
  if (progress_ != nullptr) {
    progress_->fetch_add(static_cast<std::uint64_t>(p - next_), std::memory_order_relaxed);
  }
  if (release_) release_pages(next_, p);
  next_ = p;
  return first_failed_ == nullptr || first_failed_->load(std::memory_order_relaxed) >= index_;
}

std::string_view strip_bom(std::string_view data) {
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  return data;
}

namespace {

// The end of the check block of `data` that begins at `begin`. A cut backs up
// over at most three UTF-8 continuation bytes onto the first byte of a
// character; four in a row are invalid wherever the cut falls.
std::size_t block_end(std::string_view data, std::size_t begin) {
  if (data.size() - begin <= kCheckBlock) return data.size();
  std::size_t cut = begin + kCheckBlock;
  for (int k = 0; k < 3 && (static_cast<unsigned char>(data[cut]) & 0xC0) == 0x80; ++k) --cut;
  return cut;
}

bool block_clean(std::string_view block) {
  return std::memchr(block.data(), '\0', block.size()) == nullptr &&
         simdjson::validate_utf8(block.data(), block.size());
}

// The problem of a bad block that starts on line `first_line`.
Status block_error(std::string_view block, std::int64_t first_line, std::string_view name) {
  if (const void* nul = std::memchr(block.data(), '\0', block.size())) {
    const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - block.data());
    return Status::DataError(fmt::format(
        "{}:{}: NUL byte: not a text file (clm reads UTF-8 CSV or JSON; is it compressed?)", name,
        first_line - 1 + line_of(block, at)));
  }
  std::size_t i = 0;
  while (i < block.size()) {
    const std::size_t len = utf8_sequence(block, i);
    if (len == 0) break;
    i += len;
  }
  return Status::DataError(
      fmt::format("{}:{}: invalid UTF-8 (clm reads UTF-8 text; convert the file, e.g. with iconv)",
                  name, first_line - 1 + line_of(block, i)));
}

}  // namespace

void release_pages(const char* begin, const char* end) {
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const std::uintptr_t from = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) / page * page;
  const std::uintptr_t to = reinterpret_cast<std::uintptr_t>(end) / page * page;
  // Private, never-written file pages: dropping them loses nothing.
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
}

std::int64_t TextCheck::line_at(std::string_view data, std::size_t offset) const {
  std::int64_t line = 1;
  std::size_t b = 0;
  for (; b + 1 < block_begin.size() && block_begin[b + 1] <= offset; ++b) line += newlines[b];
  const std::size_t from = b < block_begin.size() ? block_begin[b] : 0;
  if (offset > from) line += std::count(data.data() + from, data.data() + offset, '\n');
  return line;
}

TextCheck check_text_blocks(std::string_view data, std::string_view name, unsigned threads,
                            bool mapped) {
  TextCheck out;
  out.block_begin = {0};
  // Blocks are cut as they are handed out (cutting touches the file there),
  // in file order, and block b only once the blocks before b - threads are
  // done: a bad block stops the check after at most threads - 1 more blocks,
  // however large the file.
  std::vector<char> state;  // per block handed out: 0 being checked, 1 clean, 2 bad
  std::mutex mutex;
  std::condition_variable progressed;
  std::size_t done_prefix = 0;
  std::size_t first_bad = SIZE_MAX;
  const std::size_t window = std::max(1u, threads);
  const auto work = [&] {
    for (;;) {
      std::size_t b, begin, end;
      {
        std::unique_lock<std::mutex> lock(mutex);
        const auto finished = [&] {
          return state.size() >= first_bad || out.block_begin.back() == data.size();
        };
        progressed.wait(lock, [&] { return finished() || state.size() < done_prefix + window; });
        if (finished()) return;
        b = state.size();
        begin = out.block_begin.back();
        end = block_end(data, begin);
        out.block_begin.push_back(end);
        out.newlines.push_back(0);
        state.push_back(0);
      }
      const std::string_view text = data.substr(begin, end - begin);
      const bool ok = block_clean(text);
      const std::int64_t lines = std::count(text.begin(), text.end(), '\n');
      if (mapped) release_pages(text.data(), text.data() + text.size());
      {
        const std::lock_guard<std::mutex> lock(mutex);
        out.newlines[b] = lines;
        out.bytes_examined += text.size();
        state[b] = ok ? 1 : 2;
        if (!ok) first_bad = std::min(first_bad, b);
        while (done_prefix < state.size() && state[done_prefix] != 0) ++done_prefix;
      }
      progressed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  const std::size_t blocks = data.size() / kCheckBlock + 1;
  for (std::size_t t = 1; t < std::min(window, blocks); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  if (first_bad != SIZE_MAX) {
    std::int64_t line = 1;
    for (std::size_t b = 0; b < first_bad; ++b) line += out.newlines[b];
    const std::size_t begin = out.block_begin[first_bad];
    out.status =
        block_error(data.substr(begin, out.block_begin[first_bad + 1] - begin), line, name);
  }
  return out;
}

Status check_text(std::string_view data, std::string_view name) {
  return check_text_blocks(data, name).status;
}

std::int64_t line_of(std::string_view data, std::size_t offset) {
  offset = std::min(offset, data.size());
  return 1 + std::count(data.data(), data.data() + offset, '\n');
}

std::string shorten(std::string_view value) {
  constexpr std::size_t kShown = 60;
  bool cut = false;
  if (value.size() > kShown) {
    std::size_t end = kShown;
    // Do not split a UTF-8 sequence: back up over continuation bytes.
    while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
    value = value.substr(0, end);
    cut = true;
  }
  std::string out;
  out.reserve(value.size() + 4);
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += ch;
    }
  }
  if (cut) out += "\u2026";
  return out;
}

}  // namespace clm::io

namespace clm {

const char* mapped_input_at(const void* address) noexcept {
  const auto a = reinterpret_cast<std::uintptr_t>(address);
  for (const io::MapSlot& slot : io::g_mapped) {
    if (slot.state.load() == io::kLive && a >= slot.begin && a < slot.end) return slot.name;
  }
  return nullptr;
}

}  // namespace clm
