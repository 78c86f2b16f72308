#include "review/waivers.h"

#include <cerrno>
#include <fnmatch.h>
#include <fstream>
#include <sstream>

#include "base/error.h"

namespace kabiscope {

namespace {

std::string trimmed(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const size_t last = text.find_last_not_of(" \t\r");
    return std::string(text.substr(first, last - first + 1));
}

bool isSymbolChangeName(const std::string& change) {
    for (SymbolChange c : {SymbolChange::Removed, SymbolChange::UnexplainedCrc, SymbolChange::ExportType,
                           SymbolChange::Namespace, SymbolChange::Module})
        if (change == symbolChangeName(c)) return true;
    return false;
}

bool isCauseChangeName(const std::string& change) {
    for (ChangeKind k : {ChangeKind::Added, ChangeKind::Removed, ChangeKind::TypeChanged, ChangeKind::Renamed,
                         ChangeKind::AttributeChanged, ChangeKind::SizeChanged, ChangeKind::ValueChanged,
                         ChangeKind::Definition, ChangeKind::KindChanged})
        if (change == changeKindName(k)) return true;
    return false;
}

// Checks a finished block; `where` is its [waiver] line.
void checkBlock(const Waiver& w) {
    if (w.reason.empty()) fail(w.where, "waiver without a reason (add 'reason = ...')");
    if (w.by.empty()) fail(w.where, "waiver without a reviewer (add 'by = <name>')");
    if (w.change.empty()) fail(w.where, "waiver without a change (add 'change = ...')");
    if (w.isForSymbol() == !w.type.empty())
        fail(w.where, "a waiver names either a root cause ('type = ...') or a symbol ('symbol = ...'), not ",
             w.isForSymbol() ? "both" : "neither");
    if (w.isForSymbol() && !isSymbolChangeName(w.change))
        fail(w.where, "unknown symbol change '", w.change,
             "' (expected removed, crc changed, export type, namespace or module)");
    if (!w.isForSymbol() && !isCauseChangeName(w.change))
        fail(w.where, "unknown change '", w.change,
             "' (expected added, removed, type changed, renamed, attribute changed, size changed, value changed, "
             "definition changed or kind changed)");
    if (w.isForSymbol() && (!w.node.empty() || !w.description.empty()))
        fail(w.where, "'node' and 'description' belong to a root cause's waiver, not a symbol's");
}

}  // namespace

const char* symbolChangeName(SymbolChange change) {
    switch (change) {
    case SymbolChange::Removed: return "removed";
    case SymbolChange::UnexplainedCrc: return "crc changed";
    case SymbolChange::ExportType: return "export type";
    case SymbolChange::Namespace: return "namespace";
    case SymbolChange::Module: return "module";
    }
    return "changed";
}

bool Waiver::matches(const Cause& cause) const {
    return !isForSymbol() && cause.type == type && cause.node == node && change == changeKindName(cause.kind) &&
           (description.empty() || description == cause.description);
}

bool Waiver::matches(const SymbolDiff& diff, SymbolChange what) const {
    return isForSymbol() && change == symbolChangeName(what) && ::fnmatch(symbol.c_str(), diff.name.c_str(), 0) == 0;
}

Waivers Waivers::parse(std::istream& in, const std::string& source) {
    Waivers waivers;
    std::string line;
    size_t number = 0;
    Waiver* open = nullptr;
    auto finish = [&] {
        if (open) checkBlock(*open);
    };
    while (std::getline(in, line)) {
        ++number;
        const std::string where = source + ":" + std::to_string(number);
        const std::string text = trimmed(line);
        if (text.empty() || text[0] == '#') continue;
        if (text == "[waiver]") {
            finish();
            waivers.entries_.emplace_back();
            open = &waivers.entries_.back();
            open->where = where;
            continue;
        }
        if (text[0] == '[') fail(where, "unknown section ", text, " (expected [waiver])");
        const size_t equals = text.find('=');
        if (equals == std::string::npos) fail(where, "expected 'key = value' or [waiver]");
        if (!open) fail(where, "'", trimmed(text.substr(0, equals)), "' before the first [waiver]");
        const std::string key = trimmed(std::string_view(text).substr(0, equals));
        const std::string value = trimmed(std::string_view(text).substr(equals + 1));
        std::string* field = key == "type"          ? &open->type
                             : key == "node"        ? &open->node
                             : key == "change"      ? &open->change
                             : key == "description" ? &open->description
                             : key == "symbol"      ? &open->symbol
                             : key == "reason"      ? &open->reason
                             : key == "by"          ? &open->by
                                                    : nullptr;
        if (!field)
            fail(where, "unknown key '", key, "' (expected type, node, change, description, symbol, reason or by)");
        if (!field->empty()) fail(where, "'", key, "' given twice in one waiver");
        if (value.empty() && key != "node") fail(where, "'", key, "' without a value");
        *field = value;
    }
    if (in.bad()) fail(source, "cannot read: ", errnoMessage(errno));
    finish();
    return waivers;
}

Waivers Waivers::readFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) fail(path, "cannot read: ", errnoMessage(errno));
    return parse(in, path);
}

size_t Waivers::find(const Cause& cause) const {
    for (size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].matches(cause)) return i;
    return SIZE_MAX;
}

size_t Waivers::find(const SymbolDiff& symbol, SymbolChange change) const {
    for (size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].matches(symbol, change)) return i;
    return SIZE_MAX;
}

Waiver Waivers::forCause(const Cause& cause, const std::string& reason, const std::string& by) {
    Waiver waiver;
    waiver.type = cause.type;
    waiver.node = cause.node;
    waiver.change = changeKindName(cause.kind);
    waiver.description = cause.description;
    waiver.reason = reason;
    waiver.by = by;
    return waiver;
}

namespace {

// A value as one line of the file: line breaks become spaces, edges are trimmed (as parse reads).
std::string oneLine(const std::string& value) {
    std::string out = value;
    for (char& c : out)
        if (c == '\n' || c == '\r') c = ' ';
    return trimmed(out);
}

void writeBlock(const Waiver& w, std::ostream& out) {
    out << "[waiver]\n";
    if (!w.type.empty()) out << "type = " << oneLine(w.type) << "\n";
    if (!w.node.empty()) out << "node = " << oneLine(w.node) << "\n";
    if (!w.symbol.empty()) out << "symbol = " << oneLine(w.symbol) << "\n";
    out << "change = " << oneLine(w.change) << "\n";
    if (!w.description.empty()) out << "description = " << oneLine(w.description) << "\n";
    out << "reason = " << oneLine(w.reason) << "\nby = " << oneLine(w.by) << "\n";
}

}  // namespace

std::string Waivers::blockFor(const Cause& cause, const std::string& reason, const std::string& by) {
    std::ostringstream out;
    writeBlock(forCause(cause, reason, by), out);
    return out.str();
}

void Waivers::add(Waiver waiver) {
    waiver.reason = oneLine(waiver.reason);
    waiver.by = oneLine(waiver.by);
    if (waiver.where.empty()) waiver.where = "new waiver " + std::to_string(entries_.size() + 1);
    checkBlock(waiver);
    entries_.push_back(std::move(waiver));
}

void Waivers::write(std::ostream& out) const {
    out << "# kABI waivers: changes accepted at review (kabiscope diff --waivers; docs/sign-off.md)\n\n";
    for (const Waiver& w : entries_) {
        writeBlock(w, out);
        out << "\n";
    }
}

}  // namespace kabiscope
