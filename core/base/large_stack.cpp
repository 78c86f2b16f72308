#include "base/large_stack.h"

#include <cerrno>
#include <exception>
#include <system_error>

namespace kabiscope {

namespace {

constexpr size_t kLargeStack = size_t(512) << 20;
thread_local bool tOnLargeStack = false;

}  // namespace

LargeStackThread::LargeStackThread(std::function<void()> body) : body_(std::move(body)) {
    pthread_attr_t attributes;
    if (int error = pthread_attr_init(&attributes)) throw std::system_error(error, std::generic_category());
    int error = pthread_attr_setstacksize(&attributes, kLargeStack);
    if (!error) error = pthread_create(&thread_, &attributes, &LargeStackThread::start, this);
    if (error) {  // no room for a large stack: a default one
        large_ = false;
        error = pthread_create(&thread_, nullptr, &LargeStackThread::start, this);
    }
    pthread_attr_destroy(&attributes);
    if (error) throw std::system_error(error, std::generic_category(), "cannot start a thread");
    joinable_ = true;
}

LargeStackThread::~LargeStackThread() { join(); }

void LargeStackThread::join() {
    if (!joinable_) return;
    pthread_join(thread_, nullptr);
    joinable_ = false;
}

void* LargeStackThread::start(void* self) {
    auto* thread = static_cast<LargeStackThread*>(self);
    tOnLargeStack = thread->large_;
    thread->body_();
    return nullptr;
}

bool onLargeStack() { return tOnLargeStack; }

void runOnLargeStack(const std::function<void()>& work) {
    if (onLargeStack()) return work();
    std::exception_ptr failure;
    try {
        LargeStackThread thread([&] {
            try {
                work();
            } catch (...) {
                failure = std::current_exception();
            }
        });
        thread.join();
    } catch (const std::system_error&) {
        return work();  // no thread to be had: the calling thread's stack will have to do
    }
    if (failure) std::rethrow_exception(failure);
}

}  // namespace kabiscope
