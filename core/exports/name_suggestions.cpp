#include "exports/name_suggestions.h"

#include <algorithm>
#include <tuple>

namespace kabiscope {

namespace {

std::string_view withoutLeadingUnderscores(std::string_view name) {
    const size_t first = name.find_first_not_of('_');
    return first == std::string_view::npos ? name : name.substr(first);
}

// Levenshtein distance, or `bound + 1` as soon as it must exceed `bound` (one row at a time).
size_t boundedEditDistance(std::string_view a, std::string_view b, size_t bound) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > bound) return bound + 1;
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        size_t best = row[0];
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
            best = std::min(best, row[j]);
        }
        if (best > bound) return bound + 1;
    }
    return row[b.size()];
}

}  // namespace

std::vector<std::string> suggestNames(std::string_view wanted, const std::vector<std::string>& names, size_t limit) {
    const std::string_view core = withoutLeadingUnderscores(wanted);
    // A third of the name, at least one edit and at most three: "kmaloc" finds "kmalloc", but
    // short names do not drown in everything two letters away.
    const size_t bound = std::clamp<size_t>(wanted.size() / 3, 1, 3);
    std::vector<std::tuple<size_t, std::string_view>> scored;  // (score, name)
    for (const std::string& name : names) {
        if (name == wanted) continue;
        if (withoutLeadingUnderscores(name) == core) {
            scored.emplace_back(0, name);
            continue;
        }
        const size_t distance = boundedEditDistance(wanted, name, bound);
        if (distance <= bound) scored.emplace_back(distance, name);
    }
    std::sort(scored.begin(), scored.end());
    scored.erase(std::unique(scored.begin(), scored.end()), scored.end());
    std::vector<std::string> out;
    for (const auto& [score, name] : scored) {
        if (out.size() == limit) break;
        out.emplace_back(name);
    }
    return out;
}

}  // namespace kabiscope
