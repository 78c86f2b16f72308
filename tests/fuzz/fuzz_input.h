// What every fuzz target shares: the input as a file for the readers that take a path (an
// in-memory file, /proc/self/fd/N, so no disk is touched), and the rule that a kabiscope::Error
// is a correct answer to bad input while anything else (a crash, a sanitizer report, another
// exception escaping) is a bug.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/error.h"

namespace kabiscope::fuzz {

// The bytes as a file named /proc/self/fd/N for as long as this object lives.
class MemoryFile {
public:
    MemoryFile(const uint8_t* data, size_t size) : fd_(::memfd_create("kabiscope-fuzz", MFD_CLOEXEC)) {
        for (size_t done = 0; fd_ >= 0 && done < size;) {
            const ssize_t n = ::write(fd_, data + done, size - done);
            if (n <= 0) break;
            done += size_t(n);
        }
        path_ = "/proc/self/fd/" + std::to_string(fd_);
    }
    ~MemoryFile() {
        if (fd_ >= 0) ::close(fd_);
    }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    const std::string& path() const { return path_; }

private:
    int fd_;
    std::string path_;
};

inline std::string_view text(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// Runs `parse`; a kabiscope::Error (the one-line answer to bad input) is fine.
template <typename Parse>
void expectAnswer(Parse&& parse) {
    try {
        parse();
    } catch (const Error&) {
    }
}

}  // namespace kabiscope::fuzz
