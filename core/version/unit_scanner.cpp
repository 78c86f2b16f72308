#include "version/unit_scanner.h"

#include <string_view>
#include <unordered_set>

#include "base/error.h"
#include "exports/export_list.h"
#include "dwarf/die_access.h"
#include "dwarf/dwarf_file.h"
#include "model/type_graph.h"

namespace kabiscope {

UnitScanner::UnitScanner(std::string path, std::vector<std::string> debugRoots, std::vector<std::string> exportNames)
    : path_(std::move(path)), debugRoots_(std::move(debugRoots)), exportNames_(std::move(exportNames)), thread_([this] { run(); }) {}

UnitScanner::~UnitScanner() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

UnitScanner::Unit UnitScanner::take(size_t index) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (index != taken_) throw std::logic_error("UnitScanner::take: units are taken in order");
    changed_.wait(lock, [&] { return !ready_.empty() || done_; });
    if (ready_.empty()) {
        if (failure_) std::rethrow_exception(failure_);
        throw std::logic_error("UnitScanner::take: no such unit");
    }
    Unit unit = std::move(ready_.front());
    ready_.pop_front();
    ++taken_;
    lock.unlock();
    changed_.notify_all();
    return unit;
}

void UnitScanner::run() {
    try {
        DwarfFile dwarf(path_, debugRoots_);
        TypeGraph strings;  // the resolver keeps its scoped names here
        FqnResolver fqns(dwarf, strings);
        std::unordered_set<std::string_view> exported(exportNames_.begin(), exportNames_.end());
        for (size_t u = 0; u < dwarf.units().size(); ++u) {
            const Dwarf_Die& unitDie = dwarf.units()[u];
            Unit unit;
            const std::function<void(Dwarf_Die&)> consider = [&](Dwarf_Die& die) {
                // Keep the DIEs ObjectVersioner::matchCandidate could bind: by name or origin's name.
                Dwarf_Die origin;
                const bool hasOrigin = die::reference(&die, DW_AT_abstract_origin, &origin);
                for (Dwarf_Die* candidate : {&die, &origin}) {
                    if (candidate == &origin && !hasOrigin) break;
                    const char* name = die::symbolName(candidate);
                    if (!name) continue;
                    std::string_view key(name);
                    if (key.substr(0, kSymbolPointerPrefix.size()) == kSymbolPointerPrefix) key.remove_prefix(kSymbolPointerPrefix.size());
                    if (exported.count(key)) {
                        unit.candidates.push_back(dwarf_dieoffset(&die));
                        return;
                    }
                }
            };
            fqns.recordNames = &unit.names;
            fqns.addUnit(unitDie, &consider);
            fqns.recordNames = nullptr;
            dwarf.releaseUnit(u);  // this session reads each unit once
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [&] { return stop_ || ready_.size() < kAhead; });
            if (stop_) return;
            ready_.push_back(std::move(unit));
            lock.unlock();
            changed_.notify_all();
        }
    } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        failure_ = std::current_exception();
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        done_ = true;
    }
    changed_.notify_all();
}

}  // namespace kabiscope
