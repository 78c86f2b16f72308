#include "base/error.h"

namespace kabiscope {

Error::Error(std::string file, const std::string& what)
    : std::runtime_error(file.empty() ? what : file + ": " + what), file_(std::move(file)), problem_(what) {}

}  // namespace kabiscope

#include "base/phase_timer.h"

namespace kabiscope {

PhaseTimes& PhaseTimes::global() {
    static PhaseTimes times;
    return times;
}

}  // namespace kabiscope
