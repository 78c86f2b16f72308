// ProgressReporter: a one-line progress indicator on stderr for long loads.
//
// Silent unless stderr is a terminal and the work has already taken more than a second, so
// scripts and short runs never see it. Updates are throttled; the line is erased when done.
#pragma once

#include <chrono>
#include <string>

namespace kabiscope::cli {

class ProgressReporter {
public:
    ProgressReporter();
    ~ProgressReporter();
    void update(const std::string& stage, size_t done, size_t total);
    void finish();

private:
    bool enabled_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point lastDraw_;
};

}  // namespace kabiscope::cli
