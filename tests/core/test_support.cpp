#include "core/test_support.h"

#include <unistd.h>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>

namespace kabiscope::test {

std::string dataPath(const std::string& relative) { return std::string(KABISCOPE_TEST_DATA) + "/" + relative; }

std::string fixturePath(const std::string& name) { return std::string(KABISCOPE_FIXTURE_DIR) + "/" + name; }

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

TempDir::TempDir(const std::string& tag)
    : path_(std::filesystem::temp_directory_path() / ("kabiscope-" + tag + "-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& text) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
    return file.string();
}

bool fileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

std::vector<VectorCase> vectorCases() {
    std::istringstream manifest(readFile(dataPath("gendwarfksyms/MANIFEST.tsv")));
    std::string line;
    std::getline(manifest, line);  // header
    std::vector<VectorCase> cases;
    std::set<std::string> seen;
    while (std::getline(manifest, line)) {
        std::istringstream fields(line);
        VectorCase c;
        std::getline(fields, c.name, '\t');
        std::getline(fields, c.object, '\t');
        std::getline(fields, c.mode, '\t');
        if (!c.name.empty() && seen.insert(c.name).second) cases.push_back(c);
    }
    return cases;
}

}  // namespace kabiscope::test
