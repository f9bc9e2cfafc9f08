#pragma once
// Exit codes, the same for every command and format (docs/exit-codes.md).
namespace meshc {

enum ExitCode : int {
  k_exit_ok = 0,           // no finding at or above --fail-on
  k_exit_findings = 1,     // the command's verdict failed
  k_exit_usage = 2,        // usage or configuration error
  k_exit_unreadable = 3,   // an input cannot be read
  k_exit_runtime = 4,      // a runtime failure
};

}  // namespace meshc
