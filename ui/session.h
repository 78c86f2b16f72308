// Session: what the explorer shows — one or two loaded builds and their diff.
//
// Built once by SessionLoader on a worker thread, then immutable and shared with every model by
// shared_ptr<const Session>; reloading makes a new Session and the models swap pointers. With one
// build, it is compared with itself (every symbol unchanged).
#pragma once

#include <QString>

#include <memory>
#include <vector>

#include "diff/build_diff.h"
#include "model/build.h"

namespace kabiscope::ui {

struct Session {
    QString oldPath, newPath;  // oldPath empty: a single build
    bool stable = false;
    Build oldBuild, newBuild;
    DiffResult diff;

    // Per diff.symbols entry: the symbol on each side (null where it does not exist).
    struct SymbolSides {
        Build::SymbolRef before, after;
    };
    std::vector<SymbolSides> sides;

    bool single() const { return oldPath.isEmpty(); }
    const SymbolVersion* anySymbol(size_t index) const {
        return sides[index].after.symbol ? sides[index].after.symbol : sides[index].before.symbol;
    }
    int indexOf(const std::string& name) const;  // -1 when absent
    void indexSides();
};

using SessionPtr = std::shared_ptr<const Session>;

}  // namespace kabiscope::ui
