// generate_files(): the generator writing into a directory.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>

#include "clm/generate.h"

namespace clm {
namespace {

// Writes to "<path>.tmp" and renames it to <path> on commit(), so a reader
// never sees a half-written file under the final name.
class FileSink : public ByteSink {
 public:
  explicit FileSink(std::string path) : path_(std::move(path)), tmp_(path_ + ".tmp") {
    file_ = std::fopen(tmp_.c_str(), "wb");
    if (file_ == nullptr) status_ = error("cannot create");
  }
  ~FileSink() override {
    if (file_ != nullptr) std::fclose(file_);
    if (!committed_) std::remove(tmp_.c_str());
  }
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  Status append(std::string_view bytes) override {
    if (!status_.ok()) return status_;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
      status_ = error("cannot write");
    return status_;
  }
  Status commit() {
    if (!status_.ok()) return status_;
    const int rc = std::fclose(file_);
    file_ = nullptr;
    if (rc != 0) return status_ = error("cannot write");
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0) return status_ = error("cannot rename");
    committed_ = true;
    return Status::Ok();
  }
  const Status& status() const { return status_; }

 private:
  Status error(const char* what) const {
    return Status::IoError(std::string(what) + " '" + tmp_ + "': " + std::strerror(errno));
  }
  std::string path_;
  std::string tmp_;
  std::FILE* file_ = nullptr;
  Status status_;
  bool committed_ = false;
};

}  // namespace

Result<GenerateStats> generate_files(const GenerateOptions& options, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create directory '" + dir + "': " + ec.message());
  const std::string ext(generate_extension(options.format));
  FileSink events(dir + "/events." + ext);
  FileSink customers(dir + "/customers." + ext);
  FileSink spend(dir + "/spend." + ext);
  for (const FileSink* f : {&events, &customers, &spend})
    if (!f->status().ok()) return f->status();
  auto stats = generate(options, events, customers, spend);
  if (!stats.ok()) return stats;
  for (FileSink* f : {&events, &customers, &spend})
    if (Status s = f->commit(); !s.ok()) return s;
  return stats;
}

}  // namespace clm
