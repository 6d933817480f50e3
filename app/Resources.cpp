#include "Resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void registerLoopscopeResources()
{
    Q_INIT_RESOURCE(resources);
    Q_INIT_RESOURCE(scenarios);
}

namespace loopscope {

void initResources()
{
    static const bool registered = (registerLoopscopeResources(), true);
    Q_UNUSED(registered)
}

} // namespace loopscope
