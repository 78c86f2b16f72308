// How many threads kabiscope uses when not told: one per core, at most four. Beyond four the
// work (libdw parsing, rendering, hashing) gains little on the machines it runs on, and memory
// grows with every thread's DWARF session.
#pragma once

#include <algorithm>
#include <thread>

namespace kabiscope {

inline unsigned defaultThreads() { return std::min(4u, std::max(1u, std::thread::hardware_concurrency())); }

}  // namespace kabiscope
