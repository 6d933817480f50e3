// Where every builtin is registered at VM start. To add a builtin function, a method of a
// builtin type or a native module, see README.md in this folder.

#include "../vm.h"

namespace loopscope {

void registerStrMethods(VM& vm);        // str_methods.cpp
void registerListMethods(VM& vm);       // list_methods.cpp
void registerDictMethods(VM& vm);       // dict_methods.cpp
void registerSetMethods(VM& vm);        // set_methods.cpp
void registerGeneratorMethods(VM& vm);  // generator_methods.cpp
void registerCoreMethods(VM& vm);       // core_methods.cpp
void registerIntMethods(VM& vm);        // int_methods.cpp
void registerExtraBuiltins(VM& vm);     // extra.cpp: a second engineer's additions
void registerCollectionsModule(VM& vm); // collections_module.cpp
void registerMathModule(VM& vm);        // math_module.cpp
void registerTimeModule(VM& vm);        // time_module.cpp
void registerStdlibSupport(VM& vm);     // stdlib_support.cpp
void registerWeakrefModule(VM& vm);     // weakref_module.cpp

void registerTypeMethods(VM& vm)
{
    registerCoreMethods(vm);
    registerIntMethods(vm);
    registerStrMethods(vm);
    registerListMethods(vm);
    registerDictMethods(vm);
    registerSetMethods(vm);
    registerGeneratorMethods(vm);
}

void VM::initBuiltins()
{
    builtinsDict = newDict();
    registerCoreBuiltins(*this);
    registerExceptions(*this);
    registerTypeMethods(*this);
    registerNativeModules(*this);
    registerCollectionsModule(*this);
    registerMathModule(*this);
    registerTimeModule(*this);
    registerStdlibSupport(*this);
    registerWeakrefModule(*this);
    registerExtraBuiltins(*this);
}

} // namespace loopscope
