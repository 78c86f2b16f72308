#include "version/build_loader.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <thread>

#include "base/error.h"
#include "output/writers.h"

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
        if (name == "vmlinux" || it->path().extension() == ".ko") files.push_back(it->path().string());
    }
    if (error) fail(path, "cannot read directory: ", error.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) fail(path, "directory holds no vmlinux and no .ko files");
    return files;
}

void LoadedBuild::index() {
    symbols.clear();
    for (const auto& file : files)
        for (const auto& symbol : file.symbols) symbols.emplace(symbol.name(), SymbolRef{&file, &symbol});
}

LoadedBuild loadBuild(const std::string& path, const VersionOptions& options) {
    LoadedBuild build;
    build.path = path;
    const auto files = buildFiles(path);
    for (size_t i = 0; i < files.size(); ++i) {
        VersionOptions fileOptions = options;
        if (options.cancelled && options.cancelled()) throw Cancelled();
        if (options.progress && files.size() > 1)
            fileOptions.progress = [&, i](const std::string& stage, size_t, size_t) {
                options.progress("loading " + stage, i, files.size());
            };
        build.files.emplace_back(versionFile(files[i], fileOptions));
        // Inside a build directory a module is named by its path there, as in Module.symvers.
        if (files[i] != path) {
            std::error_code error;
            const fs::path relative = fs::relative(files[i], path, error);
            if (!error) build.files.back().module = moduleNameFor(relative.string());
        }
    }
    build.index();
    return build;
}

}  // namespace kabiscope

namespace kabiscope {

std::pair<LoadedBuild, LoadedBuild> loadBuildPair(const std::string& oldPath, const std::string& newPath,
                                                  const VersionOptions& options) {
    // Two builds already use two threads: each loads its units on half of the cores.
    const unsigned half = std::max(1u, std::thread::hardware_concurrency() / 2);
    VersionOptions oldOptions = options;
    if (oldOptions.threads == 0) oldOptions.threads = half;
    VersionOptions newOptions = oldOptions;
    newOptions.progress = nullptr;
    LoadedBuild newBuild;
    std::exception_ptr newFailure;
    std::thread newLoader([&] {
        try {
            newBuild = loadBuild(newPath, newOptions);
        } catch (...) {
            newFailure = std::current_exception();
        }
    });
    LoadedBuild oldBuild;
    try {
        oldBuild = loadBuild(oldPath, oldOptions);
    } catch (...) {
        newLoader.join();
        throw;
    }
    newLoader.join();
    if (newFailure) std::rethrow_exception(newFailure);
    return {std::move(oldBuild), std::move(newBuild)};
}

}  // namespace kabiscope
