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

ExportList ExportList::parse(std::istream& in, const std::string& source) {
    ExportList list;
    std::string line;
    size_t lineNumber = 0;
    while (std::getline(in, line)) {
        ++lineNumber;
        size_t begin = 0;
        while (begin < line.size() && std::isspace(static_cast<unsigned char>(line[begin]))) ++begin;
        size_t end = begin;
        while (end < line.size() && !std::isspace(static_cast<unsigned char>(line[end]))) ++end;
        if (begin == end) fail(source == "-" ? "<stdin>" : source, "line ", lineNumber, ": malformed input line (no symbol name)");
        list.add(line.substr(begin, end - begin));
    }
    if (in.bad()) fail(source, "read error");
    return list;
}

}  // namespace kabiscope
