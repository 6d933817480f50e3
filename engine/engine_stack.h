#pragma once
// The stack a run executes on. Every run gets a thread of its own with a large, fixed stack,
// so that how deep a scenario may nest is decided by the engine's own limits (CPython's: 200
// brackets, 3000 levels for the compiler, 1000 Python frames), the same in the command line, the
// window and the tests, and never by the stack size of whatever thread called the engine.

#include <functional>

namespace loopscope {

// The engine thread's stack: far more than the limits need (a few MB without sanitizers), and
// only the pages actually touched cost memory. Under AddressSanitizer it stays below 64 MB:
// ASan cannot clean up after a throw from a deeper stack and then reports false overflows.
#if defined(__SANITIZE_ADDRESS__)
#define LOOPSCOPE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LOOPSCOPE_ASAN 1
#endif
#endif
#ifdef LOOPSCOPE_ASAN
constexpr size_t kEngineStackBytes = size_t(60) << 20;
#else
constexpr size_t kEngineStackBytes = size_t(256) << 20;
#endif
// What is kept free below the deepest frame the backstop allows (sanitizer frames are large).
constexpr size_t kEngineStackMargin = size_t(16) << 20;

// Runs [work] on a fresh thread with a kEngineStackBytes stack and waits for it to finish. An
// exception [work] throws is rethrown on the calling thread.
void runOnEngineStack(const std::function<void()>& work);

// The backstop for recursion the engine's counted limits do not cover: true when the current
// thread is an engine thread and its stack is nearly used up. Deterministic for one build,
// since the same input takes the same path through the same frames.
bool engineStackExhausted();

} // namespace loopscope
