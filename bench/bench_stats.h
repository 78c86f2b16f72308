// What the explorer benchmarks (bench/gui, bench/tui) share: Stats, the timings of one
// interactive step repeated (the median and the worst), and which symbols to time.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "diff/build_diff.h"

namespace kabiscope::bench {

struct Stats {
    std::vector<double> ms;
    void add(double v) { ms.push_back(v); }
    double median() {
        std::sort(ms.begin(), ms.end());
        return ms.empty() ? 0 : ms[ms.size() / 2];
    }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

// The symbols to time: `given` when there are some, else `count` changed symbols spread evenly
// over the diff's list.
inline std::vector<std::string> symbolsToTime(const DiffResult& diff, std::vector<std::string> given, size_t count) {
    if (!given.empty()) return given;
    std::vector<std::string> changed;
    for (const auto& s : diff.symbols)
        if (s.status == SymbolStatus::Changed) changed.push_back(s.name);
    std::vector<std::string> names;
    for (size_t i = 0; i < changed.size() && names.size() < count; i += std::max<size_t>(1, changed.size() / count))
        names.push_back(changed[i]);
    return names;
}

}  // namespace kabiscope::bench
