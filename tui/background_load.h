// BackgroundLoad: loads and diffs builds on a worker thread while the terminal explorer keeps
// drawing — progress to show, a cancel that the core honours at its next check, and the result
// or the one-line error. Starting a new load cancels the one running.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "explore/explore_session.h"

namespace kabiscope::tui {

class BackgroundLoad {
public:
    BackgroundLoad() = default;
    ~BackgroundLoad();
    BackgroundLoad(const BackgroundLoad&) = delete;
    BackgroundLoad& operator=(const BackgroundLoad&) = delete;

    void start(const ExploreRequest& request);
    void cancel() { cancelled_ = true; }
    bool running() const { return running_; }

    struct State {
        bool finished = false;  // the worker is done: one of the three below is set
        std::shared_ptr<ExploreSession> session;
        std::string error;  // "<file>: <problem>"
        bool cancelled = false;
        std::string stage;
        int percent = 0;
    };
    // The progress so far; once finished, the outcome (handed over once: running() is then false).
    State poll();

private:
    void join();
    std::thread worker_;
    std::atomic<bool> cancelled_{false};
    bool running_ = false;
    std::mutex mutex_;
    State state_;
};

}  // namespace kabiscope::tui
