#include "base/error.h"

#include <array>
#include <cstring>

namespace kabiscope {

Error::Error(std::string file, const std::string& what)
    : std::runtime_error(file.empty() ? what : file + ": " + what), file_(std::move(file)), problem_(what) {}

std::string errnoMessage(int error) {
    std::array<char, 256> buffer{};
    // GNU's strerror_r (C++ on glibc defines _GNU_SOURCE): the message, in buffer or a static string.
    return ::strerror_r(error, buffer.data(), buffer.size());
}

}  // namespace kabiscope

#include "base/phase_timer.h"

namespace kabiscope {

PhaseTimes& PhaseTimes::global() {
    static PhaseTimes times;
    return times;
}

}  // namespace kabiscope
