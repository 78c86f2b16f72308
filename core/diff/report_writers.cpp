#include "diff/report_writers.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <set>
#include <string_view>
#include <unordered_set>

#include "diff/cause_json.h"
#include "diff/member_table.h"
#include "output/text_escape.h"
#include "output/writers.h"

namespace kabiscope {

namespace {

std::string crcText(const std::optional<uint32_t>& crc) { return crc ? formatCrc(*crc) : std::string("-"); }

std::string joinPath(const std::vector<std::string>& path) {
    std::string out;
    for (const auto& step : path) out += (out.empty() ? "" : " -> ") + step;
    return out;
}

std::string printable(const std::string& text) {
    std::string out;
    for (char c : text) out += (c == '\n' || c == '\t') ? ' ' : c;
    return out;
}

size_t symbolsWithStatus(const DiffResult& diff, SymbolStatus status) {
    size_t n = 0;
    for (const auto& s : diff.symbols) n += s.status == status;
    return n;
}

// The names of the unchanged lines, for one summary line ("rx_packets, tx_packets, ... (40 more)").
std::string unchangedNames(const MemberTable& table, size_t limit = 12) {
    std::string names;
    size_t shown = 0, total = 0;
    for (const MemberLine& line : table.lines) {
        if (line.change != MemberLine::Change::Same) continue;
        ++total;
        if (shown < limit) {
            names += (shown ? ", " : "") + line.name;
            ++shown;
        }
    }
    if (total > shown) names += ", ... (" + std::to_string(total - shown) + " more)";
    return names;
}

size_t unchangedCount(const MemberTable& table) { return table.lines.size() - table.changedCount(); }

// The type itself (its head and tail: name, byte_size) when that differs, as "{ ... }".
bool headOrTailDiffers(const MemberTable& table) {
    return table.hasList && (table.oldHead != table.newHead || table.oldTail != table.newTail);
}

// Text: one line per changed member with old and new under each other, then the unchanged ones
// by name. `indent` starts each line.
void writeMemberTableText(std::ostream& out, const Cause& cause, const std::string& indent) {
    const MemberTable table = compareMembers(cause.oldRendering, cause.newRendering);
    out << indent << cause.type << ", member by member (changed first):\n";
    if (headOrTailDiffers(table)) {
        out << indent << "  ~ (the type)  old: " << table.oldHead << " ... " << table.oldTail << "\n";
        out << indent << "                new: " << table.newHead << " ... " << table.newTail << "\n";
    }
    for (const MemberLine& line : table.lines) {
        if (line.change == MemberLine::Change::Same) continue;
        out << indent << "  " << changeSign(line.change) << " " << line.name << "\n";
        if (!line.oldText.empty()) out << indent << "      old: " << line.oldText << "\n";
        if (!line.newText.empty()) out << indent << "      new: " << line.newText << "\n";
    }
    if (const size_t same = unchangedCount(table))
        out << indent << "  = " << same << " unchanged: " << unchangedNames(table) << "\n";
}

void writeMemberTableMarkdown(std::ostream& out, const Cause& cause) {
    const MemberTable table = compareMembers(cause.oldRendering, cause.newRendering);
    out << "| | member | old | new |\n|---|---|---|---|\n";
    auto cell = [](const std::string& text) { return text.empty() ? std::string("—") : "`" + text + "`"; };
    if (headOrTailDiffers(table))
        out << "| ~ | (the type) | " << cell(table.oldHead + " ... " + table.oldTail) << " | "
            << cell(table.newHead + " ... " + table.newTail) << " |\n";
    for (const MemberLine& line : table.lines)
        if (line.change != MemberLine::Change::Same)
            out << "| " << changeSign(line.change) << " | " << markdownEscape(line.name) << " | " << cell(line.oldText) << " | "
                << cell(line.newText) << " |\n";
    if (const size_t same = unchangedCount(table))
        out << "| = | " << same << " unchanged | " << markdownEscape(unchangedNames(table)) << " | |\n";
    out << "\n";
}

void writeMemberTableHtml(std::ostream& out, const Cause& cause) {
    const MemberTable table = compareMembers(cause.oldRendering, cause.newRendering);
    out << "<table class=\"members\"><tr><th></th><th>member</th><th>old</th><th>new</th></tr>\n";
    auto cell = [](const std::string& text, const char* cls) {
        return text.empty() ? std::string("<td>—</td>") : "<td class=\"" + std::string(cls) + "\"><code>" + htmlEscape(text) + "</code></td>";
    };
    if (headOrTailDiffers(table))
        out << "<tr><td>~</td><td>(the type)</td>" << cell(table.oldHead + " ... " + table.oldTail, "old")
            << cell(table.newHead + " ... " + table.newTail, "new") << "</tr>\n";
    for (const MemberLine& line : table.lines)
        if (line.change != MemberLine::Change::Same)
            out << "<tr><td>" << changeSign(line.change) << "</td><td>" << htmlEscape(line.name) << "</td>"
                << cell(line.oldText, "old") << cell(line.newText, "new") << "</tr>\n";
    if (const size_t same = unchangedCount(table))
        out << "<tr><td>=</td><td>" << same << " unchanged</td><td colspan=\"2\">" << htmlEscape(unchangedNames(table))
            << "</td></tr>\n";
    out << "</table>\n";
}

// Each type's table once: its first cause shows it, later causes on the same type refer to it.
template <typename Write>
void forEachCauseOnce(const DiffResult& diff, Write&& write) {
    std::set<std::string> shown;
    for (const Cause& cause : diff.causes) write(cause, shown.insert(cause.type).second);
}

}  // namespace

std::string fixVerdict(const FixSuggestion& fix) {
    if (!fix.exists) return "no safe fix";
    return std::string(fix.safe ? "safe" : "NOT safe") + (fix.verified ? ", verified" : ", not verified");
}

std::string describeRecordName(const std::string& name) {
    if (name.size() > 2 && name[1] == '#') {
        const std::string bare(referencedName(name));
        switch (name[0]) {
        case 's': return "struct " + bare;
        case 'u': return "union " + bare;
        case 'e': return "enum " + bare;
        case 't': return "typedef " + bare;
        }
    }
    return name;
}

// "namespace CXL -> (none); EXPORT_SYMBOL -> EXPORT_SYMBOL_GPL": what changed in how it is exported.
std::string exportChangeText(const SymbolDiff& symbol) {
    auto or_none = [](const std::string& s) { return s.empty() ? std::string("(none)") : s; };
    std::string text;
    if (symbol.oldNamespace != symbol.newNamespace)
        text = "namespace " + or_none(symbol.oldNamespace) + " -> " + or_none(symbol.newNamespace);
    if (symbol.oldExportType != symbol.newExportType)
        text += (text.empty() ? "" : "; ") + symbol.oldExportType + " -> " + symbol.newExportType;
    return text;
}

void writeDiffText(const DiffResult& diff, std::ostream& out, const ReportOptions& options) {
    const auto& s = diff.summary;
    out << "kabiscope diff " << diff.oldPath << " -> " << diff.newPath << "\n";
    out << "Summary: " << s.changed << " changed, " << s.added << " added, " << s.removed << " removed, " << s.unchanged
        << " unchanged";
    if (s.exportChanged) out << ", " << s.exportChanged << " exported differently";
    out << "\n";
    for (const std::string& note : diff.notes) out << "Note: " << note << "\n";
    const size_t typeless = size_t(std::count_if(diff.symbols.begin(), diff.symbols.end(), [](const SymbolDiff& symbol) {
        return symbol.unexplained == SymbolDiff::Unexplained::NoTypesEither;
    }));
    if (typeless)
        out << "Neither build has types for " << typeless << " changed symbol" << (typeless == 1 ? "" : "s")
            << " (CRCs only, as a Module.symvers holds them): naming causes needs the types of both builds (their DWARF)\n";
    if (!diff.causes.empty()) {
        out << "\nRoot causes, by number of symbols affected:\n";
        for (const Cause& cause : diff.causes) {
            out << "  #" << cause.id << "  " << cause.title() << "  [" << cause.symbols.size() << " symbol"
                << (cause.symbols.size() == 1 ? "" : "s") << "]";
            if (const std::string folded = cause.foldedSummary(); !folded.empty()) out << "  (" << folded << ")";
            out << "\n";
            std::string names;
            size_t shown = 0;
            for (uint32_t index : cause.symbols) {
                if (shown++ == 8) {
                    names += ", ... (" + std::to_string(cause.symbols.size() - 8) + " more)";
                    break;
                }
                names += (names.empty() ? "" : ", ") + diff.symbols[index].name;
            }
            out << "      " << names << "\n";
        }
    }
    if (options.fixes && !options.fixes->empty()) {
        out << "\nFix suggestions, each proven by recomputation where it says verified:\n";
        for (const FixSuggestion& fix : *options.fixes) {
            out << "  #" << fix.cause << "  " << fixVerdict(fix) << ": ";
            std::string text = fix.text;
            for (size_t at = 0; (at = text.find('\n', at)) != std::string::npos; at += 7) text.replace(at, 1, "\n      ");
            out << (fix.exists ? text : std::string()) << "\n      " << fix.why;
            if (fix.exists && fix.verified)
                out << " (restores the old CRC of " << fix.restored << " of " << fix.affected << " symbol" << (fix.affected == 1 ? "" : "s")
                    << (fix.restored < fix.affected ? "; the others have other causes too)" : ")");
            out << "\n";
        }
    }
    if (s.changed) {
        out << "\nChanged symbols:\n";
        for (const auto& symbol : diff.symbols) {
            if (symbol.status != SymbolStatus::Changed) continue;
            out << "  " << symbol.name << "  " << crcText(symbol.oldCrc) << " -> " << crcText(symbol.newCrc) << "  ("
                << symbol.module << ")\n";
            if (symbol.causes.empty()) {  // two CRC-only builds: the note above says it once
                if (symbol.unexplained != SymbolDiff::Unexplained::NoTypesEither)
                    out << "    " << symbol.name << ": modversion changed (" << unexplainedText(symbol) << ")\n";
                continue;
            }
            out << "    " << symbol.name << ": modversion changed because of changes in " << causeTypes(diff, symbol)
                << "\n";
            for (size_t i = 0; i < symbol.causes.size(); ++i) {
                const Cause& cause = diff.causes[symbol.causes[i] - 1];
                out << "      #" << cause.id << " " << joinPath(diff.pathTo(symbol, i)) << ": " << cause.description << "\n";
            }
        }
    }
    for (SymbolStatus status : {SymbolStatus::Added, SymbolStatus::Removed}) {
        if (!symbolsWithStatus(diff, status)) continue;
        out << "\n"
            << (status == SymbolStatus::Added ? "Added" : "Removed") << " symbols:\n";
        for (const auto& symbol : diff.symbols)
            if (symbol.status == status)
                out << "  " << symbol.name << "  " << crcText(status == SymbolStatus::Added ? symbol.newCrc : symbol.oldCrc)
                    << "\n";
    }
    if (s.exportChanged) {
        out << "\nExported differently (a module must import the new namespace, or be GPL):\n";
        for (const auto& symbol : diff.symbols)
            if (symbol.exportChanged()) out << "  " << symbol.name << "  " << exportChangeText(symbol) << "\n";
    }
    if (options.includeUnchanged && s.unchanged) {
        out << "\nUnchanged symbols:\n";
        for (const auto& symbol : diff.symbols)
            if (symbol.status == SymbolStatus::Unchanged) out << "  " << symbol.name << "  " << crcText(symbol.newCrc) << "\n";
    }
    if (options.closingSection) options.closingSection(out);
}

// Numbers the path steps the report needs in the order symbols first reach them, so the
// report does not depend on how the diff's threads happened to intern them: each chain is
// walked from a symbol's first type until a step already numbered.
class JsonSteps {
public:
    explicit JsonSteps(const PathSteps& steps) : steps_(steps), index_(steps.size(), kNone) {}
    // The report index of `id`, numbering it and the rest of its chain first.
    nlohmann::json number(uint32_t id) {
        if (id == PathSteps::kEnd) return nullptr;
        for (uint32_t s = id; s != PathSteps::kEnd && index_[s] == kNone; s = steps_[s].next) {
            index_[s] = uint32_t(order_.size());
            order_.push_back(s);
        }
        return index_[id];
    }
    bool empty() const { return order_.empty(); }
    void write(std::ostream& out) const {
        for (size_t i = 0; i < order_.size(); ++i) {
            const PathSteps::Step& step = steps_[order_[i]];
            const nlohmann::json next = step.next == PathSteps::kEnd ? nlohmann::json(nullptr) : nlohmann::json(index_[step.next]);
            out << (i ? ",\n    " : "\n    ")
                << nlohmann::json::array({steps_.textOf(step.name), steps_.textOf(step.via), next}).dump();
        }
    }

private:
    static constexpr uint32_t kNone = UINT32_MAX;
    const PathSteps& steps_;
    std::vector<uint32_t> index_;
    std::vector<uint32_t> order_;
};

// A symbol's paths, once per type that holds causes: [the reference followed from the symbol,
// the report index of the first type's step], or [.., null] for its own record. Causes in one
// type share their path.
nlohmann::json typePaths(const DiffResult& diff, const SymbolDiff& symbol, JsonSteps& steps) {
    nlohmann::json out = nlohmann::json::object();
    for (size_t i = 0; i < symbol.causes.size() && i < symbol.paths.size(); ++i) {
        const Cause& cause = diff.causes[symbol.causes[i] - 1];
        if (out.contains(cause.type)) continue;
        const PathSteps::Step& first = diff.paths[symbol.paths[i]];
        out[cause.type] = nlohmann::json::array({diff.paths.textOf(first.via), steps.number(first.next)});
    }
    return out;
}

// Written as it goes, one record per line: a major rebase's report has tens of thousands of
// records, and a document built in memory first cost gigabytes.
void writeDiffJson(const DiffResult& diff, std::ostream& out, const ReportOptions& options) {
    using nlohmann::json;
    out << "{\n  \"old\": " << json(diff.oldPath).dump() << ",\n  \"new\": " << json(diff.newPath).dump() << ",\n";
    out << "  \"summary\": "
        << json({{"changed", diff.summary.changed},
                 {"added", diff.summary.added},
                 {"removed", diff.summary.removed},
                 {"unchanged", diff.summary.unchanged},
                 {"export_changed", diff.summary.exportChanged}})
               .dump()
        << ",\n";
    if (!diff.notes.empty()) out << "  \"notes\": " << json(diff.notes).dump() << ",\n";  // only when there are any
    out << "  \"symbols\": [";
    // Causes refer to symbols by their place in `symbols`, paths are chains of shared `steps`,
    // and renderings live once per type in `types`: the report grows with symbols + causes +
    // types, never with their products (a 6.1 -> 6.12 diff wrote 3.9 GB when every cause
    // carried its symbols' names and renderings).
    JsonSteps steps(diff.paths);
    std::vector<int64_t> emitted(diff.symbols.size(), -1);
    size_t written = 0;
    for (size_t index = 0; index < diff.symbols.size(); ++index) {
        const SymbolDiff& symbol = diff.symbols[index];
        if (symbol.status == SymbolStatus::Unchanged && !options.includeUnchanged && !symbol.exportChanged()) continue;
        emitted[index] = int64_t(written);
        json entry = {{"name", symbol.name},
                      {"status", symbolStatusName(symbol.status)},
                      {"old_crc", symbol.oldCrc ? json(formatCrc(*symbol.oldCrc)) : json(nullptr)},
                      {"new_crc", symbol.newCrc ? json(formatCrc(*symbol.newCrc)) : json(nullptr)},
                      {"module", symbol.module},
                      {"causes", symbol.causes},
                      {"type_paths", typePaths(diff, symbol, steps)}};
        if (symbol.exportChanged())
            entry["export_change"] = {{"old_namespace", symbol.oldNamespace},
                                      {"new_namespace", symbol.newNamespace},
                                      {"old_export_type", symbol.oldExportType},
                                      {"new_export_type", symbol.newExportType}};
        if (symbol.status == SymbolStatus::Changed && symbol.causes.empty()) entry["no_cause"] = unexplainedText(symbol);
        if (symbol.firstDifference.found)
            entry["first_difference"] = {{"offset", symbol.firstDifference.offset},
                                         {"context_start", symbol.firstDifference.contextStart},
                                         {"old", symbol.firstDifference.oldContext},
                                         {"new", symbol.firstDifference.newContext}};
        out << (written++ ? ",\n    " : "\n    ") << entry.dump();
    }
    out << (written ? "\n  ],\n" : "],\n") << "  \"causes\": [";
    std::vector<const Cause*> typeHolders;  // the first cause of each type, in cause order
    std::unordered_set<std::string_view> typesSeen;
    for (const Cause& cause : diff.causes) {
        json indexes = json::array();
        for (uint32_t index : cause.symbols)
            if (emitted[index] >= 0) indexes.push_back(emitted[index]);
        if (typesSeen.insert(cause.type).second) typeHolders.push_back(&cause);
        json entry = causeJson(cause);
        if (options.fixes && size_t(cause.id - 1) < options.fixes->size()) {
            const FixSuggestion& fix = (*options.fixes)[cause.id - 1];
            entry["fix"] = {{"exists", fix.exists}, {"safe", fix.safe}, {"verified", fix.verified}, {"text", fix.text}, {"rules", fix.rules}, {"why", fix.why}, {"restored", fix.restored}};
        }
        entry["symbols"] = cause.symbols.size();
        entry["symbol_indexes"] = std::move(indexes);
        out << (cause.id == 1 ? "\n    " : ",\n    ") << entry.dump();
    }
    out << (diff.causes.empty() ? "],\n" : "\n  ],\n") << "  \"steps\": [";
    steps.write(out);
    out << (steps.empty() ? "],\n" : "\n  ],\n") << "  \"types\": {";
    std::sort(typeHolders.begin(), typeHolders.end(), [](const Cause* a, const Cause* b) { return a->type < b->type; });
    for (size_t i = 0; i < typeHolders.size(); ++i)
        out << (i ? ",\n    " : "\n    ") << json(typeHolders[i]->type).dump() << ": "
            << json({{"old", typeHolders[i]->oldRendering}, {"new", typeHolders[i]->newRendering}}).dump();
    out << (typeHolders.empty() ? "}" : "\n  }");
    if (options.closingSection) {
        out << ",\n  \"signoff\": ";
        options.closingSection(out);
    }
    out << "\n}\n";
}

void writeDiffMarkdown(const DiffResult& diff, std::ostream& out, const ReportOptions& options) {
    const auto& s = diff.summary;
    out << "# Symbol version report\n\n";
    out << "Old build: `" << diff.oldPath << "`  \nNew build: `" << diff.newPath << "`\n\n";
    out << "| changed | added | removed | unchanged |\n|---:|---:|---:|---:|\n";
    out << "| " << s.changed << " | " << s.added << " | " << s.removed << " | " << s.unchanged << " |\n\n";
    for (const std::string& note : diff.notes) out << "**Note:** " << markdownEscape(note) << "\n\n";
    if (!diff.causes.empty()) {
        out << "## Root causes\n\n| # | type | change | symbols |\n|---:|---|---|---:|\n";
        for (const Cause& cause : diff.causes)
            out << "| " << cause.id << " | `" << cause.type << "` | " << markdownEscape(cause.changeText())
                << " | " << cause.symbols.size() << " |\n";
        out << "\n";
    }
    if (options.fixes && !options.fixes->empty()) {
        out << "## Fix suggestions\n\n| # | verdict | fix | why |\n|---:|---|---|---|\n";
        for (const FixSuggestion& fix : *options.fixes) {
            std::string text;  // one code span a line
            std::istringstream lines(fix.text);
            for (std::string line; std::getline(lines, line);) text += (text.empty() ? "`" : "<br>`") + line + "`";
            out << "| " << fix.cause << " | " << fixVerdict(fix) << " | " << text << " | "
                << markdownEscape(fix.why) << " |\n";
        }
        out << "\n";
    }
    if (s.changed) {
        out << "## Changed symbols\n\n| symbol | module | old CRC | new CRC | causes |\n|---|---|---|---|---|\n";
        for (const auto& symbol : diff.symbols) {
            if (symbol.status != SymbolStatus::Changed) continue;
            std::string ids;
            for (uint32_t id : symbol.causes) ids += (ids.empty() ? "#" : ", #") + std::to_string(id);
            out << "| `" << symbol.name << "` | " << markdownEscape(symbol.module) << " | " << crcText(symbol.oldCrc) << " | "
                << crcText(symbol.newCrc) << " | " << (ids.empty() ? markdownEscape(unexplainedText(symbol)) : ids) << " |\n";
        }
        out << "\n## Paths to the causes\n\n";
        for (const auto& symbol : diff.symbols) {
            if (symbol.status != SymbolStatus::Changed || symbol.causes.empty()) continue;
            out << "- `" << symbol.name << "`\n";
            for (size_t i = 0; i < symbol.causes.size(); ++i)
                out << "  - #" << symbol.causes[i] << ": " << markdownEscape(joinPath(diff.pathTo(symbol, i))) << "\n";
        }
        out << "\n";
    }
    for (SymbolStatus status : {SymbolStatus::Added, SymbolStatus::Removed}) {
        if (!symbolsWithStatus(diff, status)) continue;
        out << "## " << (status == SymbolStatus::Added ? "Added" : "Removed") << " symbols\n\n";
        for (const auto& symbol : diff.symbols)
            if (symbol.status == status) out << "- `" << symbol.name << "`\n";
        out << "\n";
    }
    if (s.exportChanged) {
        out << "## Exported differently\n\n| symbol | change |\n|---|---|\n";
        for (const auto& symbol : diff.symbols)
            if (symbol.exportChanged()) out << "| `" << symbol.name << "` | " << markdownEscape(exportChangeText(symbol)) << " |\n";
        out << "\n";
    }
    if (!diff.causes.empty()) {
        out << "## Changed types\n\n";
        forEachCauseOnce(diff, [&](const Cause& cause, bool firstOfType) {
            out << "### #" << cause.id << " " << markdownEscape(cause.title()) << "\n\n";
            if (firstOfType)
                writeMemberTableMarkdown(out, cause);
            else
                out << "Members of `" << cause.type << "`: as above.\n\n";
        });
    }
    if (options.includeUnchanged && s.unchanged) {
        out << "## Unchanged symbols\n\n";
        for (const auto& symbol : diff.symbols)
            if (symbol.status == SymbolStatus::Unchanged) out << "- `" << symbol.name << "` " << crcText(symbol.newCrc) << "\n";
    }
    if (options.closingSection) options.closingSection(out);
}

void writeDiffHtml(const DiffResult& diff, std::ostream& out, const ReportOptions& options) {
    const auto& s = diff.summary;
    out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>kabiscope report</title>\n<style>\n"
           "body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}code,pre{font-family:monospace}"
           "pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}.old{color:#a00}.new{color:#070}"
           "table.members td{vertical-align:top;max-width:40em;word-break:break-word}\n"
           "</style></head><body>\n";
    out << "<h1>Symbol version report</h1>\n<p>Old build: <code>" << htmlEscape(diff.oldPath) << "</code><br>New build: <code>"
        << htmlEscape(diff.newPath) << "</code></p>\n";
    out << "<table><tr><th>changed</th><th>added</th><th>removed</th><th>unchanged</th></tr><tr><td>" << s.changed
        << "</td><td>" << s.added << "</td><td>" << s.removed << "</td><td>" << s.unchanged << "</td></tr></table>\n";
    for (const std::string& note : diff.notes) out << "<p><strong>Note:</strong> " << htmlEscape(note) << "</p>\n";
    if (!diff.causes.empty()) {
        out << "<h2>Root causes</h2>\n<table><tr><th>#</th><th>type</th><th>change</th><th>symbols</th></tr>\n";
        for (const Cause& cause : diff.causes)
            out << "<tr><td><a href=\"#cause" << cause.id << "\">" << cause.id << "</a></td><td><code>"
                << htmlEscape(cause.type) << "</code></td><td>"
                << htmlEscape(cause.changeText()) << "</td><td>"
                << cause.symbols.size() << "</td></tr>\n";
        out << "</table>\n";
    }
    if (options.fixes && !options.fixes->empty()) {
        out << "<h2>Fix suggestions</h2>\n<table><tr><th>#</th><th>verdict</th><th>fix</th><th>why</th></tr>\n";
        for (const FixSuggestion& fix : *options.fixes)
            out << "<tr><td>" << fix.cause << "</td><td>" << fixVerdict(fix) << "</td><td><pre>" << htmlEscape(fix.text)
                << "</pre></td><td>" << htmlEscape(fix.why) << "</td></tr>\n";
        out << "</table>\n";
    }
    if (s.changed) {
        out << "<h2>Changed symbols</h2>\n<table><tr><th>symbol</th><th>module</th><th>old CRC</th><th>new CRC</th>"
               "<th>paths to the causes</th></tr>\n";
        for (const auto& symbol : diff.symbols) {
            if (symbol.status != SymbolStatus::Changed) continue;
            out << "<tr><td><code>" << htmlEscape(symbol.name) << "</code></td><td>" << htmlEscape(symbol.module) << "</td><td>"
                << crcText(symbol.oldCrc) << "</td><td>" << crcText(symbol.newCrc) << "</td><td>";
            for (size_t i = 0; i < symbol.causes.size(); ++i)
                out << (i ? "<br>" : "") << "<a href=\"#cause" << symbol.causes[i] << "\">#" << symbol.causes[i] << "</a> "
                    << htmlEscape(joinPath(diff.pathTo(symbol, i)));
            if (symbol.causes.empty()) out << htmlEscape(unexplainedText(symbol));
            out << "</td></tr>\n";
        }
        out << "</table>\n";
    }
    for (SymbolStatus status : {SymbolStatus::Added, SymbolStatus::Removed}) {
        if (!symbolsWithStatus(diff, status)) continue;
        out << "<h2>" << (status == SymbolStatus::Added ? "Added" : "Removed") << " symbols</h2>\n<ul>\n";
        for (const auto& symbol : diff.symbols)
            if (symbol.status == status) out << "<li><code>" << htmlEscape(symbol.name) << "</code></li>\n";
        out << "</ul>\n";
    }
    if (s.exportChanged) {
        out << "<h2>Exported differently</h2>\n<table><tr><th>symbol</th><th>change</th></tr>\n";
        for (const auto& symbol : diff.symbols)
            if (symbol.exportChanged())
                out << "<tr><td><code>" << htmlEscape(symbol.name) << "</code></td><td>" << htmlEscape(exportChangeText(symbol))
                    << "</td></tr>\n";
        out << "</table>\n";
    }
    if (!diff.causes.empty()) {
        out << "<h2>Changed types</h2>\n";
        forEachCauseOnce(diff, [&](const Cause& cause, bool firstOfType) {
            out << "<h3 id=\"cause" << cause.id << "\">#" << cause.id << " " << htmlEscape(cause.title()) << "</h3>\n";
            if (firstOfType)
                writeMemberTableHtml(out, cause);
            else
                out << "<p>Members of <code>" << htmlEscape(cause.type) << "</code>: as above.</p>\n";
        });
    }
    if (options.includeUnchanged && s.unchanged) {
        out << "<h2>Unchanged symbols</h2>\n<ul>\n";
        for (const auto& symbol : diff.symbols)
            if (symbol.status == SymbolStatus::Unchanged) out << "<li><code>" << htmlEscape(symbol.name) << "</code></li>\n";
        out << "</ul>\n";
    }
    if (options.closingSection) options.closingSection(out);
    out << "</body></html>\n";
}

void writeExplanation(const DiffResult& diff, const SymbolDiff& symbol, std::ostream& out) {
    out << symbol.name << ": " << symbolStatusName(symbol.status) << "  " << crcText(symbol.oldCrc) << " -> "
        << crcText(symbol.newCrc) << "  (" << symbol.module << ")\n";
    if (symbol.exportChanged()) out << "exported differently: " << exportChangeText(symbol) << "\n";
    if (symbol.status != SymbolStatus::Changed) return;
    if (symbol.causes.empty()) {
        out << "\nNo cause to name: " << unexplainedText(symbol) << ".\n";
        return;
    }
    out << "modversion changed because of changes in " << causeTypes(diff, symbol) << "\n";
    for (size_t i = 0; i < symbol.causes.size(); ++i) {
        const Cause& cause = diff.causes[symbol.causes[i] - 1];
        out << "\nCause #" << cause.id << " (affects " << cause.symbols.size() << " symbol"
            << (cause.symbols.size() == 1 ? "" : "s") << "): " << cause.title() << "\n";
        if (const std::string folded = cause.foldedSummary(); !folded.empty()) out << "  folded under it: " << folded << "\n";
        out << "  path: " << joinPath(diff.pathTo(symbol, i)) << "\n";
    }
    std::set<std::string> shown;  // each type's members once, however many causes it holds
    for (uint32_t id : symbol.causes) {
        const Cause& cause = diff.causes[id - 1];
        if (!shown.insert(cause.type).second) continue;
        out << "\n";
        writeMemberTableText(out, cause, "");
    }
    const FirstDifference& first = symbol.firstDifference;
    if (first.found) {
        out << "\nCRC inputs first differ at byte " << first.offset << ":\n";
        const size_t marker = first.offset - first.contextStart;
        out << "  old: ..." << printable(first.oldContext) << "...\n";
        out << "  new: ..." << printable(first.newContext) << "...\n";
        out << "       " << std::string(3 + marker, ' ') << "^\n";
    }
}

std::string causeTypes(const DiffResult& diff, const SymbolDiff& symbol) {
    std::set<std::string> names;
    std::string out;
    for (uint32_t id : symbol.causes) {
        const Cause& cause = diff.causes[id - 1];
        const std::string what = cause.type == symbol.name ? std::string("its own declaration") : describeRecordName(cause.type);
        if (names.insert(what).second) out += (out.empty() ? "" : ", ") + what;
    }
    return out;
}

}  // namespace kabiscope
