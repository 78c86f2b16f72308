// Reports of a DiffResult: text for the terminal, JSON for scripts, Markdown and HTML for a
// release sign-off. The JSON schema is documented in docs/diff-json.md.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "diff/build_diff.h"
#include "diff/fix_suggestions.h"

namespace kabiscope {

struct ReportOptions {
    bool includeUnchanged = false;  // --all
    // A section the report ends with, in its format (a review's sign-off: review/): text and
    // Markdown after the rest, HTML before </body>, JSON as the value of a last "signoff" key.
    std::function<void(std::ostream&)> closingSection;
    // diff --suggest-fixes: one per cause, in cause order (diff/fix_suggestions.h).
    const std::vector<FixSuggestion>* fixes = nullptr;
};

void writeDiffText(const DiffResult& diff, std::ostream& out, const ReportOptions& options = {});
void writeDiffJson(const DiffResult& diff, std::ostream& out, const ReportOptions& options = {});
void writeDiffMarkdown(const DiffResult& diff, std::ostream& out, const ReportOptions& options = {});
void writeDiffHtml(const DiffResult& diff, std::ostream& out, const ReportOptions& options = {});

// `kabiscope explain`: one symbol — the paths to each cause, the old and new renderings of each
// changed type, and the first differing byte of the CRC input.
void writeExplanation(const DiffResult& diff, const SymbolDiff& symbol, std::ostream& out);

// "safe, verified", "NOT safe, not verified", "no safe fix": a fix suggestion's verdict in reports.
std::string fixVerdict(const FixSuggestion& fix);

// "struct sk_buff" for "s#sk_buff", "typedef u64" for "t#u64"; a symbol's own name unchanged.
std::string describeRecordName(const std::string& name);

// The distinct types a symbol's causes sit in, genksyms style: "struct foo, enum bar" (or "its
// own declaration").
std::string causeTypes(const DiffResult& diff, const SymbolDiff& symbol);

}  // namespace kabiscope
