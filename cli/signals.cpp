#include "signals.h"

#include <unistd.h>

#include <csignal>
#include <cstring>

#include "clm/ingest.h"
#include "clm/output_file.h"
#include "common.h"

namespace clm::cli {
namespace {

// Only async-signal-safe calls from here on: write(2), unlink(2) (inside
// remove_temporary_output_files), _exit(2).
void say(const char* text) {
  std::size_t left = std::strlen(text);
  while (left > 0) {
    const ssize_t n = ::write(STDERR_FILENO, text, left);
    if (n <= 0) return;
    text += n;
    left -= static_cast<std::size_t>(n);
  }
}

void on_terminate(int sig) {
  remove_temporary_output_files();
  ::_exit(128 + sig);
}

void on_bus_error(int sig, siginfo_t* info, void*) {
  const char* file = info != nullptr ? mapped_input_at(info->si_addr) : nullptr;
  if (file == nullptr) {
    // Not an input clm mapped: a real fault. SA_RESETHAND restored the default
    // action, so returning re-runs the access and ends the process with SIGBUS.
    static_cast<void>(sig);
    return;
  }
  say("clm: error: cannot read '");
  say(file);
  say("': the file shrank while it was being read\n");
  remove_temporary_output_files();
  ::_exit(kExitIoError);
}

}  // namespace

void install_signal_handlers() {
  struct sigaction sa {};
  sigemptyset(&sa.sa_mask);
  sa.sa_handler = on_terminate;
  for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
    // A signal ignored by whoever started clm (nohup) stays ignored.
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &sa, nullptr);
  }
  struct sigaction bus {};
  sigemptyset(&bus.sa_mask);
  bus.sa_sigaction = on_bus_error;
  bus.sa_flags = SA_SIGINFO | SA_RESETHAND;
  ::sigaction(SIGBUS, &bus, nullptr);
}

}  // namespace clm::cli
