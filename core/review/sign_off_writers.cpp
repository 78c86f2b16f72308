#include "review/sign_off_writers.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "output/text_escape.h"

namespace kabiscope {

namespace {

// The reviews of each module, modules by name, open symbols before accepted ones.
std::map<std::string, std::vector<const SymbolReview*>> byModule(const SignOffInputs& in) {
    std::map<std::string, std::vector<const SymbolReview*>> modules;
    for (const SymbolReview& review : in.signOff.symbols) modules[in.diff.symbols[review.symbol].module].push_back(&review);
    for (auto& [module, reviews] : modules)
        std::stable_partition(reviews.begin(), reviews.end(), [](const SymbolReview* r) { return !r->accepted; });
    return modules;
}

std::string verdictLine(const SignOff& signOff) {
    return std::string(signOff.passed() ? "PASSED" : "NOT PASSED") + ": " + std::to_string(signOff.accepted) +
           " changed export" + (signOff.accepted == 1 ? "" : "s") + " accepted, " + std::to_string(signOff.open) + " open";
}

std::string ruleText(const SeverityRule& rule) {
    return rule.where + ": " + severityRuleKindName(rule.kind) + " " + rule.pattern + " " + (rule.pass ? "PASS" : "FAIL");
}

std::string waiverTitle(const Waiver& w) {
    if (w.isForSymbol()) return w.where + ": symbol " + w.symbol + ", " + w.change;
    return w.where + ": " + w.type + (w.node.empty() ? "" : " " + w.node) + ", " + w.change;
}

std::string xmlEscape(const std::string& text) { return htmlEscape(text); }

}  // namespace

void writeSignOffText(const SignOffInputs& in, std::ostream& out) {
    // A terminal report: open exports in full (their accepted changes counted), the accepted
    // ones counted by what accepted them. Markdown, HTML and JSON list every change.
    out << "\nSign-off: " << verdictLine(in.signOff) << "\n";
    for (const auto& [module, reviews] : byModule(in)) {
        out << "\n  " << module << ":\n";
        std::map<std::string, size_t> acceptedBy;  // what accepted a change -> changes
        size_t accepted = 0;
        for (const SymbolReview* review : reviews) {
            if (review->accepted) ++accepted;
            size_t acceptedChanges = 0;
            for (const SymbolReview::Change& change : review->changes)
                if (!change.acceptedBy.empty()) {
                    ++acceptedBy[change.acceptedBy];
                    ++acceptedChanges;
                }
            if (review->accepted) continue;
            out << "    OPEN " << in.diff.symbols[review->symbol].name;
            if (acceptedChanges) out << "  (" << acceptedChanges << " of its changes accepted)";
            out << "\n";
            for (const SymbolReview::Change& change : review->changes)
                if (change.acceptedBy.empty()) out << "      " << change.what << "\n";
        }
        if (accepted) out << "    accepted: " << accepted << " export" << (accepted == 1 ? "" : "s") << "\n";
        if (!acceptedBy.empty()) {
            out << "    changes accepted (of open and accepted exports), by what:\n";
            for (const auto& [by, count] : acceptedBy) out << "      " << count << "  " << by << "\n";
        }
    }
    if (!in.signOff.unusedRules.empty()) {
        out << "\nRules that matched no changed export:\n";
        for (size_t r : in.signOff.unusedRules) out << "  " << ruleText(in.rules.rules()[r]) << "\n";
    }
    if (!in.signOff.unusedWaivers.empty()) {
        out << "\nWaivers that no longer match a change:\n";
        for (size_t w : in.signOff.unusedWaivers) out << "  " << waiverTitle(in.waivers.entries()[w]) << "\n";
    }
}

void writeSignOffMarkdown(const SignOffInputs& in, std::ostream& out) {
    out << "\n## Sign-off\n\n**" << verdictLine(in.signOff) << "**\n";
    for (const auto& [module, reviews] : byModule(in)) {
        out << "\n### " << markdownEscape(module) << "\n\n| export | verdict | change | accepted by |\n|---|---|---|---|\n";
        for (const SymbolReview* review : reviews)
            for (size_t i = 0; i < review->changes.size(); ++i) {
                const SymbolReview::Change& change = review->changes[i];
                out << "| " << (i ? "" : "`" + in.diff.symbols[review->symbol].name + "`") << " | "
                    << (i ? "" : review->accepted ? "accepted"
                                                  : "**open**")
                    << " | " << markdownEscape(change.what) << " | "
                    << (change.acceptedBy.empty() ? "**open**" : markdownEscape(change.acceptedBy)) << " |\n";
            }
    }
    if (!in.signOff.unusedRules.empty()) {
        out << "\n### Rules that matched no changed export\n\n";
        for (size_t r : in.signOff.unusedRules) out << "- " << markdownEscape(ruleText(in.rules.rules()[r])) << "\n";
    }
    if (!in.signOff.unusedWaivers.empty()) {
        out << "\n### Waivers that no longer match a change\n\n";
        for (size_t w : in.signOff.unusedWaivers) out << "- " << markdownEscape(waiverTitle(in.waivers.entries()[w])) << "\n";
    }
}

void writeSignOffHtml(const SignOffInputs& in, std::ostream& out) {
    out << "<h2 id=\"sign-off\">Sign-off</h2>\n<p class=\"" << (in.signOff.passed() ? "passed" : "open") << "\"><strong>"
        << htmlEscape(verdictLine(in.signOff)) << "</strong></p>\n";
    for (const auto& [module, reviews] : byModule(in)) {
        out << "<h3>" << htmlEscape(module) << "</h3>\n<table>\n<tr><th>export</th><th>verdict</th><th>change</th><th>accepted by</th></tr>\n";
        for (const SymbolReview* review : reviews)
            for (size_t i = 0; i < review->changes.size(); ++i) {
                const SymbolReview::Change& change = review->changes[i];
                out << "<tr><td>" << (i ? "" : "<code>" + htmlEscape(in.diff.symbols[review->symbol].name) + "</code>")
                    << "</td><td>" << (i ? "" : review->accepted ? "accepted"
                                                                 : "<strong>open</strong>")
                    << "</td><td>"
                    << htmlEscape(change.what) << "</td><td>"
                    << (change.acceptedBy.empty() ? "<strong>open</strong>" : htmlEscape(change.acceptedBy)) << "</td></tr>\n";
            }
        out << "</table>\n";
    }
    if (!in.signOff.unusedRules.empty()) {
        out << "<h3>Rules that matched no changed export</h3>\n<ul>\n";
        for (size_t r : in.signOff.unusedRules) out << "<li>" << htmlEscape(ruleText(in.rules.rules()[r])) << "</li>\n";
        out << "</ul>\n";
    }
    if (!in.signOff.unusedWaivers.empty()) {
        out << "<h3>Waivers that no longer match a change</h3>\n<ul>\n";
        for (size_t w : in.signOff.unusedWaivers) out << "<li>" << htmlEscape(waiverTitle(in.waivers.entries()[w])) << "</li>\n";
        out << "</ul>\n";
    }
}

void writeSignOffJson(const SignOffInputs& in, std::ostream& out) {
    using nlohmann::json;
    json symbols = json::array();
    for (const SymbolReview& review : in.signOff.symbols) {
        json changes = json::array();
        for (const SymbolReview::Change& change : review.changes) {
            json entry = {{"change", change.what}, {"accepted_by", change.acceptedBy.empty() ? json(nullptr) : json(change.acceptedBy)}};
            if (change.cause) entry["cause"] = in.diff.causes[*change.cause].id;
            changes.push_back(std::move(entry));
        }
        json entry = {{"name", in.diff.symbols[review.symbol].name},
                      {"module", in.diff.symbols[review.symbol].module},
                      {"accepted", review.accepted},
                      {"changes", std::move(changes)}};
        if (review.rule) entry["rule"] = in.rules.rules()[*review.rule].where;
        symbols.push_back(std::move(entry));
    }
    json unusedRules = json::array(), unusedWaivers = json::array();
    for (size_t r : in.signOff.unusedRules) unusedRules.push_back(in.rules.rules()[r].where);
    for (size_t w : in.signOff.unusedWaivers) unusedWaivers.push_back(in.waivers.entries()[w].where);
    out << json({{"passed", in.signOff.passed()},
                 {"accepted", in.signOff.accepted},
                 {"open", in.signOff.open},
                 {"symbols", std::move(symbols)},
                 {"unused_rules", std::move(unusedRules)},
                 {"unused_waivers", std::move(unusedWaivers)}})
               .dump();
}

void writeSignOffJunit(const SignOffInputs& in, std::ostream& out) {
    const auto modules = byModule(in);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"kabiscope sign-off\" tests=\""
        << in.signOff.symbols.size() << "\" failures=\"" << in.signOff.open << "\">\n";
    for (const auto& [module, reviews] : modules) {
        size_t failures = 0;
        for (const SymbolReview* review : reviews) failures += review->accepted ? 0 : 1;
        out << "  <testsuite name=\"" << xmlEscape(module) << "\" tests=\"" << reviews.size() << "\" failures=\"" << failures << "\">\n";
        for (const SymbolReview* review : reviews) {
            out << "    <testcase classname=\"" << xmlEscape(module) << "\" name=\""
                << xmlEscape(in.diff.symbols[review->symbol].name) << "\">\n";
            std::string details;
            for (const SymbolReview::Change& change : review->changes)
                details += change.what + "\n  " + (change.acceptedBy.empty() ? "open" : change.acceptedBy) + "\n";
            if (!review->accepted) {
                size_t open = 0;
                for (const SymbolReview::Change& change : review->changes) open += change.acceptedBy.empty() ? 1 : 0;
                out << "      <failure message=\"" << open << " change" << (open == 1 ? "" : "s")
                    << " not accepted by a rule or waiver\" type=\"kabi\">" << xmlEscape(details) << "</failure>\n";
            } else {
                out << "      <system-out>" << xmlEscape(details) << "</system-out>\n";
            }
            out << "    </testcase>\n";
        }
        out << "  </testsuite>\n";
    }
    out << "</testsuites>\n";
}

}  // namespace kabiscope
