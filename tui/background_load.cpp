#include "tui/background_load.h"

#include "base/error.h"

namespace kabiscope::tui {

BackgroundLoad::~BackgroundLoad() {
    cancel();
    join();
}

void BackgroundLoad::join() {
    if (worker_.joinable()) worker_.join();
}

void BackgroundLoad::start(const ExploreRequest& request) {
    cancel();
    join();
    cancelled_ = false;
    running_ = true;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        state_ = State();
    }
    worker_ = std::thread([this, request] {
        State outcome;
        try {
            outcome.session = loadExploreSession(
                request,
                [this](const std::string& stage, int percent) {
                    std::lock_guard<std::mutex> lock(mutex_);
                    state_.stage = stage;
                    state_.percent = percent;
                },
                [this] { return cancelled_.load(); });
        } catch (const Cancelled&) {
            outcome.cancelled = true;
        } catch (const Error& e) {
            outcome.error = e.what();
        } catch (const std::exception& e) {
            outcome.error = std::string("internal error: ") + e.what();
        }
        outcome.finished = true;
        std::lock_guard<std::mutex> lock(mutex_);
        outcome.stage = state_.stage;
        outcome.percent = state_.percent;
        state_ = std::move(outcome);
    });
}

BackgroundLoad::State BackgroundLoad::poll() {
    State copy;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!state_.finished) {
            copy.stage = state_.stage;
            copy.percent = state_.percent;
            return copy;
        }
        copy = std::move(state_);
        state_ = State();
    }
    join();
    running_ = false;
    return copy;
}

}  // namespace kabiscope::tui
