// Build: one side of a comparison, whatever it was read from — a vmlinux, a module, an object,
// a directory of them, or a text reference (readers/read_build.h detects which).
//
// A build is its files (model/build_file.h), each with its own symbols and types, and an index
// of its symbols by name across the files.
#pragma once

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/build_file.h"

namespace kabiscope {

struct Build {
    std::string path;
    std::deque<BuildFile> files;  // a deque: BuildFile is large and never relocated

    struct SymbolRef {
        const BuildFile* file = nullptr;
        const SymbolVersion* symbol = nullptr;
    };
    // By name: the first file that versions it wins; a file that only names it ("no
    // information") stands in only when no file versions it.
    std::unordered_map<std::string, SymbolRef> symbols;
    std::vector<std::string> warnings;  // about the build as a whole (a listed name no file has)
    std::vector<std::string> skipped;   // "<file>: <problem>" for each file keepGoing skipped

    void index();
    // Whether any of its symbols has types to walk (a Module.symvers has none).
    bool hasTypes() const;
};

}  // namespace kabiscope
