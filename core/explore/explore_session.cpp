#include "explore/explore_session.h"

#include <algorithm>

#include "readers/read_build.h"

namespace kabiscope {

void ExploreSession::indexSides() {
    sides.clear();
    sides.reserve(diff.symbols.size());
    const Build& before = single() ? *newBuild : *oldBuild;
    for (const SymbolDiff& symbol : diff.symbols) {
        SymbolSides entry;
        if (auto it = before.symbols.find(symbol.name); it != before.symbols.end()) entry.before = it->second;
        if (auto it = newBuild->symbols.find(symbol.name); it != newBuild->symbols.end()) entry.after = it->second;
        sides.push_back(entry);
    }
}

int ExploreSession::indexOf(const std::string& name) const {
    auto it = std::lower_bound(diff.symbols.begin(), diff.symbols.end(), name,
                               [](const SymbolDiff& s, const std::string& n) { return s.name < n; });
    if (it == diff.symbols.end() || it->name != name) return -1;
    return int(it - diff.symbols.begin());
}

std::shared_ptr<ExploreSession> loadExploreSession(const ExploreRequest& request, const ExploreProgress& progress,
                                                   const std::function<bool()>& cancelled) {
    auto session = std::make_shared<ExploreSession>();
    session->oldPath = request.oldPath;
    session->newPath = request.newPath;
    session->stable = request.stable;
    session->kabiRulesFile = request.kabiRulesFile;
    session->whatIfRules = request.whatIfRules;
    VersionOptions options;
    options.stable = request.stable;
    options.detachFromDwarf = true;
    options.cancelled = cancelled;
    options.debugRoots = request.debugRoots;
    session->debugRoots = request.debugRoots;
    if (!request.kabiRulesFile.empty()) {
        options.kabiRules = KabiRules::parseFile(request.kabiRulesFile);
        options.stable = session->stable = true;
    }
    // What-if rules (and the --stable they imply) are for the new build; the old one is versioned
    // with --stable too, so that both sides follow the same conventions.
    VersionOptions newOptions = options;
    if (!request.whatIfRules.empty()) {
        const KabiRules whatIf = KabiRules::parseText("what-if rules", request.whatIfRules);
        if (newOptions.kabiRules) newOptions.kabiRules->applyOver(whatIf);
        else newOptions.kabiRules = whatIf;
        newOptions.stable = options.stable = session->stable = true;
    }
    session->oldStable = options.stable;
    auto report = [&progress](const std::string& stage, double base, double span, size_t done, size_t total) {
        if (progress) progress(stage, int(100.0 * (base + span * (total ? double(done) / double(total) : 0.0))));
    };
    const ExploreSession* previous = request.previous.get();
    const bool reuse = previous && !request.oldPath.empty() && previous->oldBuild && previous->oldPath == request.oldPath &&
                       previous->oldStable == options.stable && previous->kabiRulesFile == request.kabiRulesFile &&
                       previous->debugRoots == request.debugRoots;
    if (request.oldPath.empty() || reuse) {
        newOptions.progress = [&](const std::string& stage, size_t done, size_t total) {
            report("loading: " + stage, 0.0, 0.9, done, total);
        };
        session->newBuild = std::make_shared<const Build>(readBuild(request.newPath, newOptions));
        if (reuse) {
            session->oldBuild = previous->oldBuild;
            session->reusedOld = true;
        }
    } else {
        auto progressOf = [&](const char* side, double base) {
            return [&report, side, base](const std::string& stage, size_t done, size_t total) {
                report(std::string(side) + stage, base, 0.45, done, total);
            };
        };
        if (request.whatIfRules.empty()) {
            options.progress = [&](const std::string& stage, size_t done, size_t total) {  // the stage names both sides
                report(stage, 0.0, 0.9, done, total);
            };
            auto [oldBuild, newBuild] = readBuildPair(request.oldPath, request.newPath, options);
            session->oldBuild = std::make_shared<const Build>(std::move(oldBuild));
            session->newBuild = std::make_shared<const Build>(std::move(newBuild));
        } else {  // the two sides differ in their rules: one after the other
            options.progress = progressOf("old: ", 0.0);
            session->oldBuild = std::make_shared<const Build>(readBuild(request.oldPath, options));
            newOptions.progress = progressOf("new: ", 0.45);
            session->newBuild = std::make_shared<const Build>(readBuild(request.newPath, newOptions));
        }
    }
    DiffOptions diffOptions;
    diffOptions.cancelled = cancelled;
    diffOptions.progress = [&](const std::string& stage, size_t done, size_t total) {
        report("diff: " + stage, 0.9, 0.1, done, total);
    };
    session->diff = diffBuilds(session->single() ? *session->newBuild : *session->oldBuild, *session->newBuild, diffOptions);
    session->indexSides();
    if (progress) progress("diff: done", 100);
    return session;
}

}  // namespace kabiscope
