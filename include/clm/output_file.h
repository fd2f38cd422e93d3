// clm/output_file.h — writing an output file all or nothing, without
// replacing what the path names.
//
// A path that names a regular file, or nothing yet, is written through a
// unique temporary file ".NAME.tmp-XXXXXX" in the same directory, renamed over
// NAME by commit(): a reader sees the old content or the new one, never a
// part, and a failed or abandoned write leaves the old file as it was. An
// existing file keeps its permission bits (a new one gets 0666 less the
// umask). A symbolic link (also a dangling one) is followed: its target is
// written and the link stays. Anything else that can be opened for writing (a
// FIFO, a terminal, a character device) is written in place, as a shell
// redirection would; a directory is an error.
#pragma once

#include <string>
#include <string_view>

#include "clm/status.h"

namespace clm {

class OutputFile {
 public:
  // Opens `path` for writing as described above. IoError "cannot write
  // 'PATH': <reason>" when it cannot.
  static Result<OutputFile> open(const std::string& path);

  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&& other) noexcept;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Without commit(): removes the temporary file (the target is untouched).
  ~OutputFile();

  // Writes all of `bytes`. IoError naming the output path and the reason.
  Status append(std::string_view bytes);
  // Flushes to disk and renames the temporary file over the target (or just
  // closes a FIFO or device). After an error nothing of this write remains.
  Status commit();

  // The path as given.
  const std::string& path() const { return path_; }

 private:
  OutputFile() = default;
  Status fail(const char* what, int err);
  void discard() noexcept;

  std::string path_;    // as given, for messages
  std::string target_;  // the file renamed over (symbolic links resolved); "" = in place
  std::string temp_;    // the temporary file; "" when writing in place
  int fd_ = -1;
  int slot_ = -1;  // index in the registry of temporary files (see below), -1 = none
  bool failed_ = false;
};

// Writes `bytes` to `path` through an OutputFile.
Status write_file(const std::string& path, std::string_view bytes);

// Removes the temporary file of every OutputFile not yet committed or
// destroyed. Async-signal-safe: for a handler of a terminating signal, where
// destructors will not run.
void remove_temporary_output_files() noexcept;

}  // namespace clm
