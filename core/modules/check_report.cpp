#include "modules/check_report.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "diff/cause_json.h"
#include "output/text_escape.h"

namespace kabiscope {

namespace {

std::string crcText(const std::optional<uint64_t>& crc) {
    if (!crc) return "-";
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "0x%08llx", static_cast<unsigned long long>(*crc));
    return buffer;
}

nlohmann::json crcJson(const std::optional<uint64_t>& crc) { return crc ? nlohmann::json(crcText(crc)) : nlohmann::json(nullptr); }

std::optional<uint64_t> wide(const std::optional<uint32_t>& crc) {
    return crc ? std::optional<uint64_t>(*crc) : std::nullopt;
}

// The diff's entry for a mismatched import, when the report has a diff.
const SymbolDiff* diffOf(const ModuleCheckReport& report, const std::string& symbol) {
    if (!report.diff) return nullptr;
    const auto& symbols = report.diff->symbols;  // sorted by name
    auto it = std::lower_bound(symbols.begin(), symbols.end(), symbol,
                               [](const SymbolDiff& s, const std::string& name) { return s.name < name; });
    return it != symbols.end() && it->name == symbol ? &*it : nullptr;
}

// What the DWARF says about a mismatch, when it has no cause to give.
std::string noCauseText(const SymbolDiff* symbol) {
    if (!symbol) return "neither build exports it: no types to compare";
    if (symbol->status == SymbolStatus::Unchanged)
        return "the DWARF shows no type change for it: the recorded CRCs differ for a reason DWARF cannot see "
               "(genksyms versions from the preprocessed source)";
    if (symbol->status != SymbolStatus::Changed) return std::string("it is ") + symbolStatusName(symbol->status) + " in the new build";
    return unexplainedText(*symbol);
}

nlohmann::json causesJson(const ModuleCheckReport& report, const ModuleProblem& p) {
    nlohmann::json out = nlohmann::json::array();
    const SymbolDiff* symbol = diffOf(report, p.symbol);
    if (!symbol) return out;
    for (size_t i = 0; i < symbol->causes.size(); ++i) {
        nlohmann::json cause = causeJson(report.diff->causes[symbol->causes[i] - 1]);
        cause["path"] = report.diff->pathTo(*symbol, i);
        out.push_back(std::move(cause));
    }
    return out;
}

nlohmann::json problemJson(const ModuleProblem& p) {
    return {{"symbol", p.symbol.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.symbol)},
            {"kind", importProblemName(p.kind)},
            {"module_crc", crcJson(p.moduleCrc)},
            {"kernel_crc", crcJson(wide(p.kernelCrc))},
            {"exporter", p.exporter.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.exporter)},
            {"detail", p.detail}};
}

size_t countWarnings(const ModuleCheckReport& report) {
    size_t n = 0;
    for (const auto& v : report.verdicts) n += v.warnings.size();
    return n;
}

}  // namespace

size_t ModuleCheckReport::loading() const {
    size_t n = 0;
    for (const auto& v : verdicts) n += v.loads;
    return n;
}

void writeModuleCheckText(const ModuleCheckReport& report, std::ostream& out) {
    out << "kabiscope check-modules: " << report.verdicts.size() << " module" << (report.verdicts.size() == 1 ? "" : "s")
        << " against " << report.kernelExports << " exports";
    for (const auto& source : report.kernelSources) out << " " << source;
    out << "\n";
    for (const ModuleVerdict& v : report.verdicts) {
        out << v.module.path << ": " << (v.loads ? "loads" : "does not load") << " (" << v.checked << " imports, "
            << versionTableName(v.module.table) << ")\n";
        for (const ModuleProblem& p : v.problems) {
            out << "  " << importProblemName(p.kind) << (p.symbol.empty() ? "" : "  " + p.symbol) << ": " << p.detail << "\n";
            if (!report.diff || p.kind != ImportProblem::CrcMismatch) continue;
            const SymbolDiff* symbol = diffOf(report, p.symbol);
            if (!symbol || symbol->causes.empty()) {
                out << "      " << noCauseText(symbol) << "\n";
                continue;
            }
            for (size_t i = 0; i < symbol->causes.size(); ++i) {
                const Cause& cause = report.diff->causes[symbol->causes[i] - 1];
                std::string path;
                for (const std::string& step : report.diff->pathTo(*symbol, i)) path += (path.empty() ? "" : " -> ") + step;
                out << "      because " << cause.type << " " << cause.changeText() << "\n        " << path << "\n";
            }
        }
        for (const ModuleProblem& p : v.warnings)
            out << "  warning: " << importProblemName(p.kind) << (p.symbol.empty() ? "" : "  " + p.symbol) << ": " << p.detail
                << "\n";
    }
    const size_t loads = report.loading();
    out << "\nSummary: " << loads << " load, " << report.verdicts.size() - loads << " do not; " << countWarnings(report)
        << " warning" << (countWarnings(report) == 1 ? "" : "s") << (report.strictMissing ? " (missing CRCs fail)" : "") << "\n";
}

void writeModuleCheckJson(const ModuleCheckReport& report, std::ostream& out) {
    using nlohmann::json;
    out << "{\n  \"kernel\": "
        << json({{"sources", report.kernelSources}, {"exports", report.kernelExports}, {"vermagic", report.kernelVermagic}}).dump()
        << ",\n  \"modules\": [";
    for (size_t i = 0; i < report.verdicts.size(); ++i) {
        const ModuleVerdict& v = report.verdicts[i];
        json problems = json::array(), warnings = json::array();
        for (const auto& p : v.problems) {
            nlohmann::json entry = problemJson(p);
            if (report.diff && p.kind == ImportProblem::CrcMismatch) {
                entry["causes"] = causesJson(report, p);
                if (entry["causes"].empty()) entry["no_cause"] = noCauseText(diffOf(report, p.symbol));
            }
            problems.push_back(std::move(entry));
        }
        for (const auto& p : v.warnings) warnings.push_back(problemJson(p));
        out << (i ? ",\n    " : "\n    ")
            << json({{"module", v.module.path},
                     {"name", v.module.name},
                     {"loads", v.loads},
                     {"version_table", versionTableName(v.module.table)},
                     {"imports", v.checked},
                     {"vermagic", v.module.vermagic},
                     {"problems", std::move(problems)},
                     {"warnings", std::move(warnings)}})
                   .dump();
    }
    const size_t loads = report.loading();
    out << (report.verdicts.empty() ? "],\n" : "\n  ],\n") << "  \"summary\": "
        << json({{"modules", report.verdicts.size()},
                 {"load", loads},
                 {"do_not_load", report.verdicts.size() - loads},
                 {"warnings", countWarnings(report)},
                 {"strict_missing_crc", report.strictMissing}})
               .dump()
        << "\n}\n";
}

void writeModuleCheckMarkdown(const ModuleCheckReport& report, std::ostream& out) {
    const size_t loads = report.loading();
    out << "# Module check\n\n"
        << report.verdicts.size() << " modules against " << report.kernelExports
        << " exports: **" << loads << " load, " << report.verdicts.size() - loads << " do not**.\n\n";
    out << "| module | verdict | problem | symbol | module CRC | kernel CRC |\n|---|---|---|---|---|---|\n";
    for (const ModuleVerdict& v : report.verdicts) {
        if (v.problems.empty()) {
            out << "| `" << markdownEscape(v.module.path) << "` | loads | | | | |\n";
            continue;
        }
        for (const ModuleProblem& p : v.problems)
            out << "| `" << markdownEscape(v.module.path) << "` | does not load | " << importProblemName(p.kind) << " | "
                << (p.symbol.empty() ? "" : "`" + markdownEscape(p.symbol) + "`") << " | " << crcText(p.moduleCrc) << " | "
                << crcText(wide(p.kernelCrc)) << " |\n";
    }
}

void writeModuleCheckHtml(const ModuleCheckReport& report, std::ostream& out) {
    const size_t loads = report.loading();
    out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>kabiscope module check</title>\n"
           "<style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:left}"
           ".no{color:#c62828;font-weight:bold}.yes{color:#2e7d32}</style></head><body>\n";
    out << "<h1>Module check</h1>\n<p>" << report.verdicts.size() << " modules against " << report.kernelExports
        << " exports: " << loads << " load, " << report.verdicts.size() - loads << " do not.</p>\n";
    out << "<table><tr><th>module</th><th>verdict</th><th>problem</th><th>symbol</th><th>module CRC</th><th>kernel CRC</th></tr>\n";
    for (const ModuleVerdict& v : report.verdicts) {
        if (v.problems.empty()) {
            out << "<tr><td>" << htmlEscape(v.module.path) << "</td><td class=\"yes\">loads</td><td></td><td></td><td></td><td></td></tr>\n";
            continue;
        }
        for (const ModuleProblem& p : v.problems)
            out << "<tr><td>" << htmlEscape(v.module.path) << "</td><td class=\"no\">does not load</td><td>"
                << importProblemName(p.kind) << "</td><td>" << htmlEscape(p.symbol) << "</td><td>" << crcText(p.moduleCrc)
                << "</td><td>" << crcText(wide(p.kernelCrc)) << "</td></tr>\n";
    }
    out << "</table>\n</body></html>\n";
}

}  // namespace kabiscope
