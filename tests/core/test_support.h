// Helpers shared by the core tests: reading expected files, and the reference vector manifest.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kabiscope::test {

std::string dataPath(const std::string& relative);  // under tests/data
std::string fixturePath(const std::string& name);   // objects compiled at build time
std::string readFile(const std::string& path);
bool fileExists(const std::string& path);

// A fresh directory under the system's temp directory (named for `tag` and the process), removed
// with everything in it when the object goes.
class TempDir {
public:
    explicit TempDir(const std::string& tag);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    // Writes `text` to `name` inside it ("a/b" makes the directory a); returns the file's path.
    std::string write(const std::string& name, const std::string& text) const;

private:
    std::filesystem::path path_;
};

// One reference case of tests/data/gendwarfksyms/MANIFEST.tsv.
struct VectorCase {
    std::string name;    // e.g. fx_basic.gcc
    std::string object;  // path relative to tests/data/gendwarfksyms
    std::string mode;    // kbuild, rust or list
};
std::vector<VectorCase> vectorCases();

}  // namespace kabiscope::test
