// Helpers shared by the core tests: reading expected files, and the reference vector manifest.
#pragma once

#include <string>
#include <vector>

namespace kabiscope::test {

std::string dataPath(const std::string& relative);     // under tests/data
std::string fixturePath(const std::string& name);      // objects compiled at build time
std::string readFile(const std::string& path);
bool fileExists(const std::string& path);

// One reference case of tests/data/gendwarfksyms/MANIFEST.tsv.
struct VectorCase {
    std::string name;    // e.g. fx_basic.gcc
    std::string object;  // path relative to tests/data/gendwarfksyms
    std::string mode;    // kbuild, rust or list
};
std::vector<VectorCase> vectorCases();

}  // namespace kabiscope::test
