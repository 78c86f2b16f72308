#include "exports/export_list.h"

#include <cctype>

#include "base/error.h"

namespace kabiscope {

bool ExportList::add(std::string name) {
    ExportInfo info;
    info.name = std::move(name);
    return add(std::move(info));
}

bool ExportList::add(ExportInfo info) {
    if (!index_.insert(info.name).second) return false;
    entries_.push_back(std::move(info));
    return true;
}

namespace {

std::string_view trimmed(std::string_view line) {
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    return line;
}

// Android GKI, libabigail and RHEL stablelist files: [section] headers, one name per line.
void parseIniList(const std::vector<std::string>& lines, const std::string& source, ExportList& list) {
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = trimmed(lines[i]);
        if (line.empty() || line.front() == '#' || line.front() == ';') continue;
        if (line.front() == '[') {
            if (line.back() != ']' || line.size() < 3)
                fail(source, "line ", i + 1, ": malformed section header '", std::string(line), "' (expected [name])");
            continue;
        }
        if (line.find_first_of(" \t") != std::string_view::npos)
            fail(source, "line ", i + 1, ": malformed symbol list line '", std::string(line), "' (one symbol name per line)");
        list.add(std::string(line));
    }
}

}  // namespace

ExportList ExportList::parse(std::istream& in, const std::string& source) {
    ExportList list;
    const std::string where = source == "-" ? "<stdin>" : source;
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(std::move(line));
    if (in.bad()) fail(source, "read error");
    for (const std::string& line : lines) {
        const std::string_view first = trimmed(line);
        if (first.empty() || first.front() == '#' || first.front() == ';') continue;  // an INI list's header comments
        if (first.front() == '[') {
            parseIniList(lines, where, list);
            return list;
        }
        break;
    }
    size_t lineNumber = 0;
    for (const std::string& line : lines) {
        ++lineNumber;
        size_t begin = 0;
        while (begin < line.size() && std::isspace(static_cast<unsigned char>(line[begin]))) ++begin;
        size_t end = begin;
        while (end < line.size() && !std::isspace(static_cast<unsigned char>(line[end]))) ++end;
        if (begin == end) fail(where, "line ", lineNumber, ": malformed input line (no symbol name)");
        list.add(line.substr(begin, end - begin));
    }
    return list;
}

}  // namespace kabiscope
