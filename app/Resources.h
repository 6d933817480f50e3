#pragma once
// The Qt resources (icons, the default scenario, the scenario library) live
// in a static library, so they must be registered explicitly before use.

namespace loopscope {

// Registers the compiled-in resources; safe to call more than once.
void initResources();

} // namespace loopscope
