#include "base/parallel_work.h"

#include <chrono>
#include <exception>
#include <memory>
#include <system_error>
#include <thread>
#include <vector>

#include "base/error.h"
#include "base/large_stack.h"

namespace kabiscope {

void runOnWorkers(unsigned workers, const std::function<void(unsigned worker)>& job, const WorkerOptions& options) {
    if (workers == 0) return;
    std::vector<std::exception_ptr> failures(workers);
    auto guarded = [&](unsigned w) {
        try {
            job(w);
        } catch (...) {
            failures[w] = std::current_exception();
            if (options.stop) *options.stop = true;
        }
    };
    std::atomic<unsigned> running{0};
    std::vector<std::unique_ptr<LargeStackThread>> threads;
    std::vector<unsigned> unstarted;  // no thread to be had: their share runs here, in turn
    for (unsigned w = 1; w < workers; ++w) {
        ++running;
        try {
            threads.push_back(std::make_unique<LargeStackThread>([&guarded, &running, w] {
                guarded(w);
                --running;
            }));
        } catch (const std::system_error&) {
            --running;
            unstarted.push_back(w);
        }
    }
    guarded(0);
    for (unsigned w : unstarted) guarded(w);
    if (options.whileWaiting) {
        while (running > 0) {
            try {
                options.whileWaiting();
            } catch (...) {  // a failing report fails the work, once every worker has finished
                if (!failures[0]) failures[0] = std::current_exception();
                if (options.stop) *options.stop = true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    for (auto& thread : threads) thread->join();
    // A worker that gave up because another failed throws Cancelled: the other's error is the one
    // to report, so a real failure comes before any Cancelled.
    auto cancelled = [](const std::exception_ptr& failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const Cancelled&) {
            return true;
        } catch (...) {
            return false;
        }
    };
    for (const std::exception_ptr& failure : failures)
        if (failure && !cancelled(failure)) std::rethrow_exception(failure);
    for (const std::exception_ptr& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

}  // namespace kabiscope
