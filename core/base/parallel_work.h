// runOnWorkers: the one way kabiscope fans work out over threads.
//
// Loading the files of a build, a kbuild-mode file's units, explaining a diff's changed symbols
// and checking modules each give every worker a share and wait for all of them. Worker 0 runs on
// the calling thread, the others on large-stack threads (rendering recurses as deep as types
// nest: base/large_stack.h). A worker that gets no thread (the system has none to give) runs on
// the calling thread after worker 0, so no share is ever lost. While the others still run, the
// calling thread calls `whileWaiting` every 20 ms (a progress report), if one is given.
//
// An exception that leaves a worker sets `*stop` (when given), so the others can give up early,
// and the first one by worker index is rethrown once every worker has finished; a Cancelled
// (a worker giving up because another failed) only when no worker failed otherwise.
#pragma once

#include <atomic>
#include <functional>

namespace kabiscope {

struct WorkerOptions {
    std::atomic<bool>* stop = nullptr;   // set when a worker fails
    std::function<void()> whileWaiting;  // on the calling thread, every 20 ms, after its share
};

void runOnWorkers(unsigned workers, const std::function<void(unsigned worker)>& job, const WorkerOptions& options = {});

}  // namespace kabiscope
