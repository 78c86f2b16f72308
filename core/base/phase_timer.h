// PhaseTimer: wall time spent per named phase, summed over the run.
//
// For performance work only: set KABISCOPE_TIMINGS=1 and the CLI prints the totals on stderr.
// Builds may load on several threads; totals then add their times up.
#pragma once

#include <chrono>
#include <map>
#include <vector>
#include <mutex>
#include <string>

namespace kabiscope {

class PhaseTimes {
public:
    static PhaseTimes& global();
    void add(const char* phase, std::chrono::nanoseconds spent) {
        std::lock_guard lock(mutex_);
        totals_[phase] += spent;
    }
    const std::map<std::string, std::chrono::nanoseconds>& totals() const { return totals_; }
    // A figure beside the timings ("graph: 18228830 nodes, 412 MB"): the core keeps it, the
    // front end prints it (the core never prints).
    void note(std::string line) {
        std::lock_guard lock(mutex_);
        notes_.push_back(std::move(line));
    }
    const std::vector<std::string>& notes() const { return notes_; }

private:
    std::mutex mutex_;
    std::map<std::string, std::chrono::nanoseconds> totals_;
    std::vector<std::string> notes_;
};

class PhaseTimer {
public:
    explicit PhaseTimer(const char* phase) : phase_(phase), start_(std::chrono::steady_clock::now()) {}
    ~PhaseTimer() { PhaseTimes::global().add(phase_, std::chrono::steady_clock::now() - start_); }

private:
    const char* phase_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace kabiscope
