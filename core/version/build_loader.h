// loadBuild: one side of a comparison — a vmlinux, a module, an object, or a directory.
//
// A directory stands for a whole kernel build: its vmlinux (if any) and every *.ko below it,
// each versioned on its own (each is its own ELF file with its own exports). Symbols are looked
// up by name across the files.
#pragma once

#include <deque>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "version/file_versioner.h"

namespace kabiscope {

struct LoadedBuild {
    std::string path;
    std::deque<VersionedBuild> files;  // a deque: VersionedBuild is large and never relocated

    struct SymbolRef {
        const VersionedBuild* file = nullptr;
        const SymbolVersion* symbol = nullptr;
    };
    // By name: the first file that versions it wins; a file that only names it ("no
    // information") stands in only when no file versions it.
    std::unordered_map<std::string, SymbolRef> symbols;
    std::vector<std::string> warnings;  // about the build as a whole (a listed name no file has)
    std::vector<std::string> skipped;   // "<file>: <problem>" for each file keepGoing skipped

    void index();
};

// Files a path stands for: itself, or a directory's vmlinux and *.ko files (sorted).
std::vector<std::string> buildFiles(const std::string& path);

LoadedBuild loadBuild(const std::string& path, const VersionOptions& options);

// Versions several files, on up to `options.threads` threads (0: one per core, at most 4; each
// file then uses one), results in the order given. The first failing file's error is thrown.
// Progress is reported from the calling thread only. A symbol list (`options.exports`) given
// for several files selects among the exports each file has (exportsFilterDiscovered).
// With options.keepGoing, a file that fails with kabiscope::Error is left out and its error
// ("<file>: <problem>") appended to `skipped` (which must then be given).
std::deque<VersionedBuild> versionFiles(const std::vector<std::string>& files, const VersionOptions& options,
                                        std::vector<std::string>* skipped = nullptr);

// The names the files of `path` export, from their symbol tables alone (no DWARF read): a quick
// check of a symbol name before a build is loaded. With options.keepGoing, unreadable files are
// left out.
std::vector<std::string> exportNamesOf(const std::string& path, const VersionOptions& options);

// The names of `list` that none of `files` has as a symbol.
std::vector<std::string> namesNotFound(const ExportList& list, const std::deque<VersionedBuild>& files);

// Loads two builds at once, the new one on a second thread (they are independent, and a kernel
// takes seconds). `options.progress` gets both loads as one monotonic fraction (done/1000)
// with a stage naming both inputs; it is never called concurrently.
std::pair<LoadedBuild, LoadedBuild> loadBuildPair(const std::string& oldPath, const std::string& newPath,
                                                  const VersionOptions& options);

}  // namespace kabiscope
