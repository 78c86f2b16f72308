// UniqueFd: a file descriptor owned by RAII, closed once, on every path.
//
// The loaders open files, hand some of them on (libdwfl takes a descriptor once a module is
// reported) and fail half-way through on bad input; an owner that closes in its destructor and
// gives the descriptor up with release() keeps each of those paths free of close() calls.
#pragma once

#include <unistd.h>

#include <utility>

namespace kabiscope {

class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) reset(other.release());
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    // Gives the descriptor to a new owner (-1 when there is none).
    int release() { return std::exchange(fd_, -1); }
    void reset(int fd = -1) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }

private:
    int fd_ = -1;
};

}  // namespace kabiscope
