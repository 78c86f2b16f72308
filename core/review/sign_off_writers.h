// The sign-off report of a review: per module, what changed, what accepted each change (a rule,
// a waiver, or nothing can break), and what is still open; then the rules and waivers that
// decided nothing. Text, Markdown and HTML close a diff report (ReportOptions::closingSection);
// JSON is the value of its "signoff" key; JUnit XML stands alone, for CI (a test case per
// changed export, failed while open).
#pragma once

#include <ostream>

#include "diff/build_diff.h"
#include "review/sign_off.h"

namespace kabiscope {

struct SignOffInputs {
    const DiffResult& diff;
    const SignOff& signOff;
    const SeverityRules& rules;
    const Waivers& waivers;
};

void writeSignOffText(const SignOffInputs& in, std::ostream& out);
void writeSignOffMarkdown(const SignOffInputs& in, std::ostream& out);
void writeSignOffHtml(const SignOffInputs& in, std::ostream& out);
void writeSignOffJson(const SignOffInputs& in, std::ostream& out);
void writeSignOffJunit(const SignOffInputs& in, std::ostream& out);

}  // namespace kabiscope
