#include "clm/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <utility>

namespace clm {
namespace {

// Temporary files not yet renamed or removed, for remove_temporary_output_files()
// in a signal handler: fixed storage (no allocation) and atomic states only.
// A write with no free slot still works; it is only not cleaned up on a signal.
constexpr int kSlots = 64;
enum SlotState : int { kFree = 0, kBusy = 1, kLive = 2 };
struct TempSlot {
  std::atomic<int> state{kFree};
  char path[PATH_MAX];
};
TempSlot g_slots[kSlots];

int claim_slot(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (g_slots[i].state.compare_exchange_strong(expected, kBusy)) {
      std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
      g_slots[i].state.store(kLive);
      return i;
    }
  }
  return -1;
}

void release_slot(int slot) {
  if (slot >= 0) g_slots[slot].state.store(kFree);
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    if (n == 0) {
      errno = EIO;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The directory part of `path` with its trailing '/', "" for a bare name.
std::string dir_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// What `path` names once every symbolic link is followed: the link's target,
// which may not exist yet. Sets errno and returns "" on failure (ELOOP for a
// cycle).
std::string follow_links(std::string path) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
    std::string target(PATH_MAX, '\0');
    const ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0) return {};
    target.resize(static_cast<std::size_t>(n));
    path = !target.empty() && target[0] == '/' ? target : dir_of(path) + target;
  }
  errno = ELOOP;
  return {};
}

mode_t creation_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<mode_t>(0666) & ~mask;
}

Status io_error(const std::string& path, const char* what, int err) {
  return Status::IoError(fmt::format("{} '{}': {}", what, path, std::strerror(err)));
}

}  // namespace

Result<OutputFile> OutputFile::open(const std::string& path) {
  OutputFile f;
  f.path_ = path;
  if (path.empty()) return io_error(path, "cannot write", ENOENT);
  const std::string target = follow_links(path);
  if (target.empty()) return io_error(path, "cannot write", errno);
  struct stat st {};
  const bool exists = ::stat(target.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) return io_error(path, "cannot write", errno);
  if (exists && S_ISDIR(st.st_mode)) return io_error(path, "cannot write", EISDIR);

  if (exists && !S_ISREG(st.st_mode)) {
    // A FIFO, terminal or device: write into it, never replace it.
    f.fd_ = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (f.fd_ < 0) return io_error(path, "cannot write", errno);
    return f;
  }

  const auto slash = target.find_last_of('/');
  const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  std::string temp = dir_of(target) + "." + base + ".tmp-XXXXXX";
  f.fd_ = ::mkstemp(temp.data());
  if (f.fd_ < 0) return io_error(path, "cannot write", errno);
  f.temp_ = std::move(temp);
  f.target_ = target;
  f.slot_ = claim_slot(f.temp_);
  // mkstemp creates 0600: give the file the mode it had, or a plain create's.
  if (exists) {
    // Keeping the owner works only for root or the owner itself; otherwise the
    // writer owns the new file, as with any replace-by-rename.
    const int owner_kept = ::fchown(f.fd_, st.st_uid, st.st_gid);
    static_cast<void>(owner_kept);
    ::fchmod(f.fd_, st.st_mode & 07777);
  } else {
    ::fchmod(f.fd_, creation_mode());
  }
  return f;
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : path_(std::move(other.path_)),
      target_(std::move(other.target_)),
      temp_(std::move(other.temp_)),
      fd_(std::exchange(other.fd_, -1)),
      slot_(std::exchange(other.slot_, -1)),
      failed_(other.failed_) {
  other.temp_.clear();
}

OutputFile& OutputFile::operator=(OutputFile&& other) noexcept {
  if (this != &other) {
    discard();
    path_ = std::move(other.path_);
    target_ = std::move(other.target_);
    temp_ = std::move(other.temp_);
    other.temp_.clear();
    fd_ = std::exchange(other.fd_, -1);
    slot_ = std::exchange(other.slot_, -1);
    failed_ = other.failed_;
  }
  return *this;
}

OutputFile::~OutputFile() {
  discard();
}

void OutputFile::discard() noexcept {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
  release_slot(slot_);
  slot_ = -1;
}

Status OutputFile::fail(const char* what, int err) {
  failed_ = true;
  discard();
  return io_error(path_, what, err);
}

Status OutputFile::append(std::string_view bytes) {
  if (failed_ || fd_ < 0) return io_error(path_, "cannot write", EBADF);
  if (!write_all(fd_, bytes)) return fail("cannot write", errno);
  return Status::Ok();
}

Status OutputFile::commit() {
  if (failed_ || fd_ < 0) return io_error(path_, "cannot write", EBADF);
  if (temp_.empty()) {
    const int rc = ::close(std::exchange(fd_, -1));
    if (rc != 0) return fail("cannot write", errno);
    return Status::Ok();
  }
  if (::fsync(fd_) != 0) return fail("cannot write", errno);
  if (::close(std::exchange(fd_, -1)) != 0) return fail("cannot write", errno);
  if (::rename(temp_.c_str(), target_.c_str()) != 0) return fail("cannot write", errno);
  temp_.clear();
  release_slot(std::exchange(slot_, -1));
  return Status::Ok();
}

Status write_file(const std::string& path, std::string_view bytes) {
  auto file = OutputFile::open(path);
  if (!file.ok()) return file.status();
  if (Status s = file->append(bytes); !s.ok()) return s;
  return file->commit();
}

void remove_temporary_output_files() noexcept {
  for (TempSlot& slot : g_slots) {
    if (slot.state.load() == kLive) ::unlink(slot.path);
  }
}

}  // namespace clm
