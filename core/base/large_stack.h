// Threads with large stacks, for the recursive rendering of deeply nested types.
//
// Rendering follows DWARF type references depth-first, as gendwarfksyms does: the order it
// renders in decides which of two equally long renderings of a name wins, so it cannot become
// breadth-first. Deep but legal nesting (base/limits.h) needs more than the usual 8 MiB, so the
// versioning work runs on threads that reserve 512 MiB of address space for their stack (only
// the pages touched are ever backed by memory). Where such a thread cannot be had, the work runs
// on a thread with the default stack instead, or on the calling thread.
#pragma once

#include <functional>
#include <pthread.h>

namespace kabiscope {

class LargeStackThread {
public:
    // Starts `body` on a new thread; throws std::system_error when no thread can be started.
    explicit LargeStackThread(std::function<void()> body);
    ~LargeStackThread();  // joins
    LargeStackThread(const LargeStackThread&) = delete;
    LargeStackThread& operator=(const LargeStackThread&) = delete;

    void join();

private:
    static void* start(void* self);
    std::function<void()> body_;
    bool large_ = true;  // false when only a default stack could be had
    pthread_t thread_{};
    bool joinable_ = false;
};

// True on a LargeStackThread.
bool onLargeStack();

// Runs `work` on a large stack: here if this thread has one, else on a new LargeStackThread
// (this thread waits), else here all the same. Exceptions reach the caller.
void runOnLargeStack(const std::function<void()>& work);

// Thrown by deep recursion that has used up what an ordinary stack safely holds, on a thread
// without a large one: the caller starts over on a large stack. Real kernels never get there,
// and work on the calling thread keeps its malloc arena (a fresh thread's is slower).
struct NeedsLargeStack {};

}  // namespace kabiscope
