#include "cli/progress_reporter.h"

#include <cstdio>
#include <unistd.h>

namespace kabiscope::cli {

using Clock = std::chrono::steady_clock;

ProgressReporter::ProgressReporter() : enabled_(::isatty(STDERR_FILENO)), start_(Clock::now()) {}

ProgressReporter::~ProgressReporter() { finish(); }

void ProgressReporter::update(const std::string& stage, size_t done, size_t total) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - start_ < std::chrono::seconds(1)) return;
    if (shown_ && now - lastDraw_ < std::chrono::milliseconds(100)) return;
    lastDraw_ = now;
    shown_ = true;
    const unsigned percent = total ? unsigned(done * 100 / total) : 0;
    std::fprintf(stderr, "\r\033[Kkabiscope: %s %zu/%zu (%u%%)", stage.c_str(), done, total, percent);
    std::fflush(stderr);
}

void ProgressReporter::finish() {
    if (shown_) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
        shown_ = false;
    }
}

}  // namespace kabiscope::cli
