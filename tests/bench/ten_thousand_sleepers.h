#pragma once
// The 10,000-task run both GUI benchmarks use: each task sleeps twice for random times, then one
// gather waits for them all (a real run: creations, wake-ups, a fan-in of 10,000).

namespace loopscope::bench {

inline constexpr const char* kTenThousandSleepers =
    "import asyncio, random\n"
    "async def sleeper(i):\n"
    "    await asyncio.sleep(random.random())\n"
    "    await asyncio.sleep(random.random())\n"
    "async def main():\n"
    "    await asyncio.gather(*(sleeper(i) for i in range(10000)))\n"
    "asyncio.run(main())\n";

} // namespace loopscope::bench
