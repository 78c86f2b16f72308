#include "readers/rhel_stablelist.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <filesystem>
#include <fstream>

#include "base/error.h"

namespace kabiscope {

namespace fs = std::filesystem;

namespace {

bool isDecimal(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "#2-" or "#0-5": the release range line every entry starts with.
bool isRangeLine(std::string_view line) {
    if (line.size() < 3 || line[0] != '#') return false;
    const size_t dash = line.find('-');
    if (dash == std::string_view::npos) return false;
    const std::string_view last = line.substr(dash + 1);
    return isDecimal(line.substr(1, dash - 1)) && (last.empty() || isDecimal(last));
}

std::string withoutCarriageReturn(std::string line) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// Entries are the files whose name has no '.' (show-kabi skips the others).
bool isEntryName(const std::string& name) { return name.find('.') == std::string::npos; }

bool startsWithRangeLine(const fs::path& file) {
    std::ifstream in(file);
    std::string line;
    return std::getline(in, line) && isRangeLine(withoutCarriageReturn(line));
}

// A kabi_<arch> directory: its first entry file starts with a range line.
bool isArchDirectory(const fs::path& dir) {
    if (dir.filename().string().rfind("kabi_", 0) != 0) return false;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!isEntryName(it->path().filename().string()) || !it->is_regular_file(ec)) continue;
        return startsWithRangeLine(it->path());
    }
    return false;
}

}  // namespace

std::optional<KernelExport> readStablelistEntry(const std::string& path, const std::string& symbol) {
    std::ifstream in(path);
    if (!in) fail(path, "cannot read: ", errnoMessage(errno));
    std::string line;
    if (!std::getline(in, line)) fail(path, "empty: a stablelist entry starts with its release range ('#<first>-[<last>]')");
    line = withoutCarriageReturn(line);
    if (!isRangeLine(line)) fail(path + ":1", "expected the release range '#<first>-[<last>]', found '", line, "'");
    const bool closed = line.back() != '-';
    size_t pick = 0;  // #I: which of the symbol lines is the current one
    size_t lineNumber = 1, dataLines = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        line = withoutCarriageReturn(line);
        if (!line.empty() && line[0] == '#') {
            const size_t colon = line.find(':');
            if (colon != std::string::npos && line.substr(1, colon - 1) == "I") {
                const std::string value = line.substr(colon + 1);
                if (!isDecimal(value) || std::from_chars(value.data(), value.data() + value.size(), pick).ec != std::errc())
                    fail(path + ":" + std::to_string(lineNumber), "'#I:' needs a line index, found '", value, "'");
            }
            continue;
        }
        if (dataLines++ != pick) continue;
        std::optional<KernelExport> e = parseModuleSymversLine(path, lineNumber, line);
        if (!e) fail(path + ":" + std::to_string(lineNumber), "blank where the symbol's Module.symvers line should be");
        if (e->name != symbol)
            fail(path + ":" + std::to_string(lineNumber), "the line is for '", e->name, "', but the file is the entry of '",
                 symbol, "'");
        if (closed) return std::nullopt;
        return e;
    }
    if (in.bad()) fail(path, "read error: ", errnoMessage(errno));
    fail(path, "no Module.symvers line", pick ? " number " + std::to_string(pick) + " (#I:" + std::to_string(pick) + ")" : std::string(),
         " after the release range");
}

std::optional<std::string> stablelistArchDirectory(const std::string& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return std::nullopt;
    const fs::path dir = fs::path(path).lexically_normal();
    const fs::path named = dir.filename().empty() ? dir.parent_path() : dir;  // "kabi_x86_64/"
    if (isArchDirectory(named)) return named.string();
    std::vector<std::string> arches;
    for (fs::directory_iterator it(named, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec) && isArchDirectory(it->path())) arches.push_back(it->path().filename().string());
    if (arches.empty()) return std::nullopt;
    std::sort(arches.begin(), arches.end());
    if (arches.size() > 1) {
        std::string list;
        for (const std::string& arch : arches) list += (list.empty() ? "" : ", ") + arch;
        fail(path, "a kABI stablelist for ", arches.size(), " architectures (", list, "): name one, as in ",
             (named / arches.front()).string());
    }
    return (named / arches.front()).string();
}

std::vector<KernelExport> readStablelistDirectory(const std::string& archDirectory) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(archDirectory, ec), end; !ec && it != end; it.increment(ec))
        if (isEntryName(it->path().filename().string()) && it->is_regular_file(ec)) files.push_back(it->path());
    if (ec) fail(archDirectory, "cannot read directory: ", ec.message());
    std::sort(files.begin(), files.end());
    std::vector<KernelExport> entries;
    for (const fs::path& file : files)
        if (std::optional<KernelExport> e = readStablelistEntry(file.string(), file.filename().string()))
            entries.push_back(std::move(*e));
    return entries;
}

}  // namespace kabiscope
