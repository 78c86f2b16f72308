// runOnWorkers (base/parallel_work.h): every worker's share runs once, on a large stack off the
// calling thread, the first failure by worker index reaches the caller after all have finished,
// and the calling thread reports while the others still run.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "base/error.h"
#include "base/large_stack.h"
#include "base/parallel_work.h"

namespace kabiscope {
namespace {

TEST(ParallelWork, EveryWorkerRunsOnceWorkerZeroHere) {
    const std::thread::id caller = std::this_thread::get_id();
    std::vector<std::atomic<int>> runs(4);
    std::vector<bool> here(4), large(4);
    runOnWorkers(4, [&](unsigned w) {
        ++runs[w];
        here[w] = std::this_thread::get_id() == caller;
        large[w] = onLargeStack();
    });
    for (unsigned w = 0; w < 4; ++w) EXPECT_EQ(runs[w], 1) << w;
    EXPECT_TRUE(here[0]);
    for (unsigned w = 1; w < 4; ++w) {
        EXPECT_FALSE(here[w]) << w;
        EXPECT_TRUE(large[w]) << w;
    }
}

TEST(ParallelWork, TheLowestFailingWorkersErrorIsRethrownAfterAllFinish) {
    std::atomic<bool> stop{false};
    std::atomic<int> finished{0};
    try {
        runOnWorkers(3, [&](unsigned w) {
            if (w == 2) throw std::runtime_error("two");
            if (w == 1) {
                std::this_thread::sleep_for(std::chrono::milliseconds(30));
                throw std::runtime_error("one");
            }
            while (!stop) std::this_thread::yield();  // worker 0 gives up once told to stop
            ++finished;
        },
                     {&stop, {}});
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "one");
    }
    EXPECT_TRUE(stop);
    EXPECT_EQ(finished, 1);
}

TEST(ParallelWork, AWorkerThatGaveUpDoesNotHideTheOnesError) {
    std::atomic<bool> stop{false};
    try {
        runOnWorkers(2, [&](unsigned w) {
            if (w == 1) throw Error("f.o", "corrupt DWARF");
            while (!stop) std::this_thread::yield();
            throw Cancelled();  // as a worker's checkpoint does once another failed
        },
                     {&stop, {}});
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem(), "corrupt DWARF");
    }
}

TEST(ParallelWork, TheCallingThreadReportsWhileOthersRun) {
    std::atomic<bool> release{false};
    std::atomic<int> reports{0};
    runOnWorkers(2, [&](unsigned w) {
        if (w == 1)
            while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    },
                 {nullptr, [&] {
                      if (++reports == 3) release = true;
                  }});
    EXPECT_GE(reports, 3);
}

TEST(ParallelWork, ZeroAndOneWorkers) {
    int calls = 0;
    runOnWorkers(0, [&](unsigned) { ++calls; });
    EXPECT_EQ(calls, 0);
    runOnWorkers(1, [&](unsigned w) { calls += int(w) + 1; });
    EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace kabiscope
