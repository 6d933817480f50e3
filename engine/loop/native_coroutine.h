#pragma once
// Coroutines written in C++ (asyncio.sleep()'s, Queue.get()'s, Queue.put()'s): the class Python
// sees for them, named 'coroutine' as CPython's, whose send/throw/close drive
// NativeObj::resumeAwait. Tasks and `await` drive them directly, without these methods.

#include <string>

#include "../object.h"

namespace loopscope {

class VM;
struct CallArgs;

// Creates a class for native coroutines (named 'coroutine'; each object names itself through
// NativeObj::coroutineQualname).
ClassObj* makeNativeCoroutineClass(VM& vm);

// Drives the native awaitable [awaitable] from Python code: the value it yields, or
// StopIteration carrying the value it returns.
Value driveNativeAwaitable(VM& vm, const Value& awaitable, Value send, Value throwExc);
// The exception of coroutine.throw(exc) or of the legacy throw(type[, value]).
Value throwArgument(VM& vm, const CallArgs& a);

} // namespace loopscope
