// generate_files(): the generator writing into a directory.
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include "clm/generate.h"
#include "clm/output_file.h"

namespace clm {
namespace {

// An OutputFile as the generator's sink: a reader never sees a half-written
// file under the final name, and a failed run leaves no temporary file.
class FileSink : public ByteSink {
 public:
  explicit FileSink(const std::string& path) {
    auto file = OutputFile::open(path);
    if (file.ok()) {
      file_.emplace(std::move(*file));
    } else {
      status_ = file.status();
    }
  }

  Status append(std::string_view bytes) override {
    if (status_.ok()) status_ = file_->append(bytes);
    return status_;
  }
  Status commit() {
    if (status_.ok()) status_ = file_->commit();
    return status_;
  }
  const Status& status() const { return status_; }

 private:
  std::optional<OutputFile> file_;
  Status status_;
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
