// The one error type of kabiscope's core.
//
// Every failure the user can cause (bad path, not ELF, no DWARF, corrupt data, bad kABI rules)
// is raised as kabiscope::Error carrying the file it concerns and a one-line description. It is
// thrown where a C library reports failure and caught only at the edges (CLI main, GUI worker),
// which turn it into "kabiscope: <file>: <what>" and exit code 1, or a dialog.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

namespace kabiscope {

class Error : public std::runtime_error {
public:
    Error(std::string file, const std::string& what);
    const std::string& file() const { return file_; }
    // The message without the file, e.g. "not an ELF file".
    const std::string& problem() const { return problem_; }

private:
    std::string file_;
    std::string problem_;
};

// Thrown when a caller's cancellation callback asks a long load or diff to stop.
class Cancelled : public std::exception {
public:
    const char* what() const noexcept override { return "cancelled"; }
};

// strerror(3)'s message for an errno value. strerror itself is not thread-safe, and the core
// reads files on worker threads (the GUI's and TUI's loads, the module check beside them).
std::string errnoMessage(int error);

// Builds the message from its parts and throws: fail(path, "bad thing ", n);
template <typename... Parts>
[[noreturn]] void fail(const std::string& file, const Parts&... parts) {
    std::ostringstream message;
    (message << ... << parts);
    throw Error(file, message.str());
}

}  // namespace kabiscope
