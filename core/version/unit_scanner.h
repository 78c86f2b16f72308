// UnitScanner: pass 1 of whole-file versioning (each unit's scoped names and export candidates)
// on a thread of its own, a few units ahead of the thread that renders them.
//
// gendwarfksyms walks a unit's names before it binds and renders the unit's exports, and a
// unit's walk needs nothing from any other unit, so the walks of the next units can run while
// this one renders. The scanner has its own DWARF session (libdw sessions are not shared
// between threads); DIEs cross over as offsets.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <elfutils/libdw.h>

#include "dwarf/fqn_resolver.h"

namespace kabiscope {

class UnitScanner {
public:
    struct Unit {
        std::vector<Dwarf_Off> candidates;  // DIEs that may bind an export, in DIE order
        FqnResolver::UnitNames names;       // its scoped names
    };

    // Starts scanning the units of `path` in order; `exportNames` are the names that can
    // bind (a candidate's name, or a __gendwarfksyms_ptr_ name, must be one of them).
    UnitScanner(std::string path, std::vector<std::string> debugRoots, std::vector<std::string> exportNames);
    ~UnitScanner();  // stops and joins
    UnitScanner(const UnitScanner&) = delete;
    UnitScanner& operator=(const UnitScanner&) = delete;

    // Unit `index` (asked for in order, 0, 1, 2, ...); blocks until it is scanned. Rethrows
    // the scanner's error (a corrupt unit) when it reaches that unit.
    Unit take(size_t index);

private:
    void run();

    static constexpr size_t kAhead = 8;  // units scanned and not yet taken, at most
    std::string path_;
    std::vector<std::string> debugRoots_;
    std::vector<std::string> exportNames_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Unit> ready_;
    size_t taken_ = 0;
    bool stop_ = false;
    bool done_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

}  // namespace kabiscope
