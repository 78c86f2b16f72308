#include "version/build_loader.h"

#include <algorithm>
#include <array>
#include <mutex>
#include <atomic>
#include <optional>
#include <exception>
#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "base/error.h"
#include "base/parallel_work.h"
#include "base/threads.h"
#include "output/writers.h"
#include "elf/elf_file.h"
#include "exports/export_discovery.h"
#include "modules/kernel_exports.h"

namespace kabiscope {

namespace fs = std::filesystem;

std::vector<std::string> buildFiles(const std::string& path) {
    std::error_code error;
    if (!fs::is_directory(path, error)) return {path};
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, error);
         !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (!it->is_regular_file(error)) continue;
        const std::string name = it->path().filename().string();
        // vmlinux, or vmlinux-<release> as Debian's -dbg packages install it under boot/ (but not
        // a build tree's vmlinux-gdb.py and the like: those are no ELF files).
        const bool kernel = name == "vmlinux" || (name.rfind("vmlinux-", 0) == 0 && looksLikeElfFile(it->path().string()));
        if (kernel || isModuleFileName(name)) files.push_back(it->path().string());
    }
    if (error) fail(path, "cannot read directory: ", error.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) fail(path, "directory holds no vmlinux and no kernel modules (.ko, .ko.xz, .ko.zst, .ko.gz)");
    return files;
}

std::vector<std::string> namesNotFound(const ExportList& list, const std::deque<BuildFile>& files) {
    std::unordered_set<std::string_view> found;
    for (const auto& file : files)
        for (const auto& symbol : file.symbols) found.insert(symbol.name());
    std::vector<std::string> missing;
    for (const auto& entry : list.entries())
        if (!found.count(entry.name)) missing.push_back(entry.name);
    return missing;
}

std::vector<std::string> exportNamesOf(const std::string& path, const VersionOptions& options) {
    std::vector<std::string> names;
    for (const std::string& file : buildFiles(path)) {
        try {
            const ElfFile elf(file);
            const ExportList exports = discoverExports(elf, options.exportSource);
            for (const ExportInfo& info : exports.entries()) names.push_back(info.name);
        } catch (const Error&) {
            if (!options.keepGoing) throw;
        }
    }
    return names;
}

namespace {

// Inside a build directory a module is named by its path there, as in Module.symvers.
void nameModule(BuildFile& file, const std::string& filePath, const std::string& buildPath) {
    if (filePath == buildPath) return;
    std::error_code error;
    const fs::path relative = fs::relative(filePath, buildPath, error);
    if (!error) file.module = moduleNameFor(relative.string());
}

uintmax_t fileSize(const std::string& path) {
    std::error_code error;
    const uintmax_t size = fs::file_size(path, error);
    return error ? 0 : size;
}

}  // namespace

std::deque<BuildFile> versionFiles(const std::vector<std::string>& files, const VersionOptions& options,
                                   std::vector<std::string>* skipped) {
    std::deque<BuildFile> out;  // a deque: BuildFile is large and not copyable
    // Skipping is for a file among many: one file that cannot be read is the load's error.
    const bool keepGoing = options.keepGoing && skipped && files.size() > 1;
    if (files.size() == 1 && !keepGoing) {
        out.push_back(versionFile(files[0], options));
        return out;
    }
    if (options.exports && !options.exportsFilterDiscovered && files.size() > 1) {
        VersionOptions filtered = options;
        filtered.exportsFilterDiscovered = true;
        return versionFiles(files, filtered, skipped);
    }
    // Independent files load on several threads, the largest first (a vmlinux would otherwise
    // finish last); each file then uses one thread.
    size_t threads = options.threads;
    if (threads == 0) threads = defaultThreads();
    threads = std::max<size_t>(1, std::min(threads, files.size()));
    std::vector<size_t> order(files.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<uintmax_t> sizes(files.size());
    for (size_t i = 0; i < files.size(); ++i) sizes[i] = fileSize(files[i]);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return sizes[a] > sizes[b]; });

    std::vector<std::optional<BuildFile>> loaded(files.size());
    std::vector<std::exception_ptr> failures(files.size());
    std::atomic<size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    auto work = [&](unsigned worker) {
        const bool reports = worker == 0;  // only the calling thread reports
        for (size_t k; !stop && (k = next++) < order.size();) {
            const size_t i = order[k];
            try {
                if (options.cancelled && options.cancelled()) throw Cancelled();
                VersionOptions fileOptions = options;
                fileOptions.threads = threads > 1 ? 1 : options.threads;
                fileOptions.progress = nullptr;
                if (reports && options.progress)
                    fileOptions.progress = [&](const std::string& stage, size_t, size_t) {
                        options.progress("loading " + stage, done, files.size());
                    };
                loaded[i].emplace(versionFile(files[i], fileOptions));
            } catch (const Error&) {
                failures[i] = std::current_exception();
                if (!keepGoing) stop = true;
            } catch (...) {
                failures[i] = std::current_exception();
                stop = true;
            }
            ++done;
        }
    };
    runOnWorkers(unsigned(threads), work);
    for (size_t i = 0; i < files.size(); ++i) {  // the first file's failure, whatever finished first
        if (!failures[i]) continue;
        try {
            std::rethrow_exception(failures[i]);
        } catch (const Error& error) {
            if (!keepGoing) throw;
            skipped->push_back(error.what());
        }
    }
    for (auto& file : loaded)
        if (file) out.push_back(std::move(*file));
    if (options.progress) options.progress("loading done", files.size(), files.size());  // all files, not n-1
    return out;
}

Build loadBuild(const std::string& path, const VersionOptions& options) {
    Build build;
    build.path = path;
    const auto files = buildFiles(path);
    VersionOptions fileOptions = options;
    if (files.size() != 1 || files[0] != path) fileOptions.exportsFilterDiscovered = true;  // a directory
    std::deque<BuildFile> loaded = versionFiles(files, fileOptions, &build.skipped);
    for (BuildFile& file : loaded) {
        build.files.push_back(std::move(file));
        nameModule(build.files.back(), build.files.back().path, path);
    }
    if (options.exports)
        for (const std::string& name : namesNotFound(*options.exports, build.files))
            build.warnings.push_back(path + ": no file exports listed symbol " + name);
    build.index();
    return build;
}

}  // namespace kabiscope

namespace kabiscope {

namespace {

// Both loads' progress as one: each side's fraction of its current stage, averaged, never going
// back, and a stage line naming both inputs ("loading vmlinux-a 40%, vmlinux-b 35%"). The two
// loading threads report through one lock, so the caller's callback is never run concurrently.
class PairProgress {
public:
    PairProgress(const VersionOptions& options, const std::string& oldPath, const std::string& newPath)
        : sink_(options.progress), names_{fs::path(oldPath).filename().string(), fs::path(newPath).filename().string()} {
        if (names_[0] == names_[1]) names_ = {oldPath, newPath};  // "vmlinux" and "vmlinux": show where
    }
    std::function<void(const std::string&, size_t, size_t)> side(int index) {
        if (!sink_) return nullptr;
        return [this, index](const std::string& stage, size_t done, size_t total) {
            std::lock_guard lock(mutex_);
            const double fraction = total ? std::min(1.0, double(done) / double(total)) : 0.0;
            // A new stage starts again at 0: a side only moves forward.
            fraction_[index] = std::max(fraction_[index], stageFloor(stage) + stageSpan(stage) * fraction);
            const double both = (fraction_[0] + fraction_[1]) / 2;
            shown_ = std::max(shown_, both);
            const std::string line = "loading " + names_[0] + " " + percent(fraction_[0]) + ", " + names_[1] + " " +
                                     percent(fraction_[1]);
            sink_(line, size_t(shown_ * 1000), 1000);
        };
    }

private:
    // A file's load goes through "reading symbols", "versioning" (most of the time),
    // "computing CRCs" and "done"; a directory's reports files loaded ("loading ...").
    static double stageFloor(const std::string& stage) {
        if (stage.rfind("loading", 0) == 0) return 0.0;  // files of a directory: done/total files
        if (stage.find("computing CRCs") != std::string::npos) return 0.85;
        if (stage.find("done") != std::string::npos) return 1.0;
        return 0.0;
    }
    static double stageSpan(const std::string& stage) {
        if (stage.rfind("loading", 0) == 0) return 1.0;
        if (stage.find("computing CRCs") != std::string::npos) return 0.15;
        if (stage.find("done") != std::string::npos) return 0.0;
        if (stage.find("reading symbols") != std::string::npos) return 0.0;
        return 0.85;
    }
    static std::string percent(double fraction) { return std::to_string(int(fraction * 100)) + "%"; }

    std::function<void(const std::string&, size_t, size_t)> sink_;
    std::array<std::string, 2> names_;
    std::mutex mutex_;
    double fraction_[2] = {0, 0};
    double shown_ = 0;
};

}  // namespace

std::pair<Build, Build> loadBuildPair(const std::string& oldPath, const std::string& newPath,
                                      const VersionOptions& options) {
    // Two builds already use two threads: each loads on half of the default.
    const unsigned half = std::max(1u, defaultThreads() / 2);
    PairProgress progress(options, oldPath, newPath);
    VersionOptions oldOptions = options;
    if (oldOptions.threads == 0) oldOptions.threads = half;
    VersionOptions newOptions = oldOptions;
    oldOptions.progress = progress.side(0);
    newOptions.progress = progress.side(1);
    Build oldBuild, newBuild;
    runOnWorkers(2, [&](unsigned side) {  // the old build's failure first, when both fail
        if (side == 0)
            oldBuild = loadBuild(oldPath, oldOptions);
        else
            newBuild = loadBuild(newPath, newOptions);
    });
    return {std::move(oldBuild), std::move(newBuild)};
}

}  // namespace kabiscope
