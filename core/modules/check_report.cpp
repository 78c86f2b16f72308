#include "modules/check_report.h"

#include <cstdio>

#include <nlohmann/json.hpp>

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
        for (const ModuleProblem& p : v.problems)
            out << "  " << importProblemName(p.kind) << (p.symbol.empty() ? "" : "  " + p.symbol) << ": " << p.detail << "\n";
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
        for (const auto& p : v.problems) problems.push_back(problemJson(p));
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
    out << "# Module check\n\n" << report.verdicts.size() << " modules against " << report.kernelExports
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
