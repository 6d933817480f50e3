// The engine thread (engine_stack.h): a pthread, because std::thread cannot choose its stack size.

#include "engine_stack.h"

#include <cstring>
#include <exception>
#include <pthread.h>
#include <stdexcept>
#include <string>

namespace loopscope {

namespace {

// The lowest address the backstop lets a frame reach; null outside engine threads.
thread_local const char* tStackFloor = nullptr;

struct Job {
    const std::function<void()>* work;
    std::exception_ptr error;
};

void* engineThreadMain(void* argument)
{
    auto* job = static_cast<Job*>(argument);
    // The stack grows down from just above this frame: the floor is a fixed distance below.
    const char* top = static_cast<const char*>(__builtin_frame_address(0));
    tStackFloor = top - (kEngineStackBytes - kEngineStackMargin);
    try {
        (*job->work)();
    } catch (...) {
        job->error = std::current_exception();
    }
    tStackFloor = nullptr;
    return nullptr;
}

} // namespace

void runOnEngineStack(const std::function<void()>& work)
{
    Job job{&work, nullptr};
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, kEngineStackBytes);
    pthread_t thread;
    const int failed = pthread_create(&thread, &attributes, engineThreadMain, &job);
    pthread_attr_destroy(&attributes);
    if (failed)
        throw std::runtime_error(std::string("cannot start the engine thread: ") + std::strerror(failed));
    pthread_join(thread, nullptr);
    if (job.error)
        std::rethrow_exception(job.error);
}

bool engineStackExhausted()
{
    const char* here = static_cast<const char*>(__builtin_frame_address(0));
    return tStackFloor && here < tStackFloor;
}

} // namespace loopscope
