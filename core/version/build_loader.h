// loadBuild: one side of a comparison — a vmlinux, a module, an object, or a directory.
//
// A directory stands for a whole kernel build: its vmlinux (if any) and every module below it
// (.ko, or installed: .ko.xz, .ko.zst, .ko.gz),
// each versioned on its own (each is its own ELF file with its own exports). Symbols are looked
// up by name across the files.
#pragma once

#include <deque>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/build.h"
#include "version/file_versioner.h"

namespace kabiscope {

// Files a path stands for: itself, or a directory's vmlinux and *.ko files (sorted).
std::vector<std::string> buildFiles(const std::string& path);

Build loadBuild(const std::string& path, const VersionOptions& options);

// Versions several files, on up to `options.threads` threads (0: one per core, at most 4; each
// file then uses one), results in the order given. The first failing file's error is thrown.
// Progress is reported from the calling thread only. A symbol list (`options.exports`) given
// for several files selects among the exports each file has (exportsFilterDiscovered).
// With options.keepGoing, a file that fails with kabiscope::Error is left out and its error
// ("<file>: <problem>") appended to `skipped` (which must then be given).
std::deque<BuildFile> versionFiles(const std::vector<std::string>& files, const VersionOptions& options,
                                   std::vector<std::string>* skipped = nullptr);

// The names the files of `path` export, from their symbol tables alone (no DWARF read): a quick
// check of a symbol name before a build is loaded. With options.keepGoing, unreadable files are
// left out.
std::vector<std::string> exportNamesOf(const std::string& path, const VersionOptions& options);

// The names of `list` that none of `files` has as a symbol.
std::vector<std::string> namesNotFound(const ExportList& list, const std::deque<BuildFile>& files);

// Loads two builds at once, the new one on a second thread (they are independent, and a kernel
// takes seconds). `options.progress` gets both loads as one monotonic fraction (done/1000)
// with a stage naming both inputs; it is never called concurrently.
std::pair<Build, Build> loadBuildPair(const std::string& oldPath, const std::string& newPath,
                                      const VersionOptions& options);

}  // namespace kabiscope
