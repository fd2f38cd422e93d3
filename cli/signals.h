// What clm does on a signal: a terminating signal (INT, TERM, HUP, QUIT)
// removes the temporary files of unfinished outputs and exits with 128 + the
// signal's number; a SIGBUS in a memory-mapped input (a file that shrank while
// being read) prints which file and exits with 74.
#pragma once

namespace clm::cli {

void install_signal_handlers();

}  // namespace clm::cli
