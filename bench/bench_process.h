// Process helpers of clm_bench: run a measurement in a forked child (so each
// gets its own peak RSS), run the clm binary, read the machine's description.
#pragma once

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace clm::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// What a child process did: its exit status, peak RSS and the text it sent back.
struct ChildResult {
  int exit_status = -1;  // 0 = success; 128+n = killed by signal n
  double wall_s = 0;     // from fork to reaped
  double peak_rss_mb = 0;
  std::string output;  // what the child wrote to the report pipe
};

inline ChildResult reap(pid_t pid, int read_fd, Clock::time_point t0) {
  ChildResult r;
  if (read_fd >= 0) {
    char buf[4096];
    for (ssize_t n; (n = read(read_fd, buf, sizeof buf)) > 0;)
      r.output.append(buf, static_cast<std::size_t>(n));
    close(read_fd);
  }
  int status = 0;
  struct rusage usage {};
  while (wait4(pid, &status, 0, &usage) < 0) {
  }
  r.wall_s = seconds_since(t0);
  r.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
  r.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

// Runs `body` in a forked child; the child writes its results to the given
// FILE* and its return value is the exit status.
inline ChildResult run_in_child(const std::function<int(std::FILE*)>& body) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  std::fflush(nullptr);
  const auto t0 = Clock::now();
  const pid_t pid = fork();
  if (pid < 0) return {};
  if (pid == 0) {
    close(fds[0]);
    std::FILE* out = fdopen(fds[1], "w");
    const int rc = body(out);
    std::fclose(out);
    std::fflush(nullptr);
    _exit(rc);
  }
  close(fds[1]);
  return reap(pid, fds[0], t0);
}

// Runs argv[0] with the arguments, standard output to /dev/null.
inline ChildResult run_program(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::fflush(nullptr);
  const auto t0 = Clock::now();
  const pid_t pid = fork();
  if (pid < 0) return {};
  if (pid == 0) {
    if (std::FILE* null = std::freopen("/dev/null", "w", stdout); null == nullptr) _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return reap(pid, -1, t0);
}

struct Machine {
  unsigned cores = 0;
  std::string cpu;
  double ram_gb = 0;
};

inline Machine describe_machine() {
  Machine m;
  m.cores = std::thread::hardware_concurrency();
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      m.cpu = line.substr(line.find(':') + 2);
      break;
    }
  }
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  double kb = 0;
  if (meminfo >> key >> kb && key == "MemTotal:") m.ram_gb = kb / 1024.0 / 1024.0;
  return m;
}

}  // namespace clm::bench
