#include "tui/module_pane.h"

#include <filesystem>

#include "explore/marks.h"
#include "tui/key_navigation.h"
#include "modules/module_imports.h"

namespace kabiscope::tui {

void ModulePane::setRun(ModuleCheckRun run, const std::string& kernels) {
    run_ = std::move(run);
    hasRun_ = true;
    kernels_ = kernels;
    checking_.clear();
    error_.clear();
    expanded_.assign(run_.verdicts.size(), 0);
    for (size_t i = 0; i < run_.verdicts.size(); ++i) expanded_[i] = char(!run_.verdicts[i].loads);  // what needs a look, open
    cursor_ = ListCursor();
    rebuildLines();
}

void ModulePane::rebuildLines() {
    lines_.clear();
    for (size_t m = 0; m < run_.verdicts.size(); ++m) {
        lines_.push_back({m, -1});
        if (!expanded_[m]) continue;
        const ModuleVerdict& v = run_.verdicts[m];
        for (size_t p = 0; p < v.problems.size() + v.warnings.size(); ++p) lines_.push_back({m, int(p)});
    }
    cursor_.clamp(lines_.size());
}

const ModuleProblem* ModulePane::problemOf(const Line& line, bool* stops) const {
    if (line.problem < 0) return nullptr;
    const ModuleVerdict& v = run_.verdicts[line.module];
    const size_t p = size_t(line.problem);
    *stops = p < v.problems.size();
    return *stops ? &v.problems[p] : &v.warnings[p - v.problems.size()];
}

std::string ModulePane::summary() const {
    if (!checking_.empty()) return "Checking " + checking_ + "\u2026";
    if (!error_.empty()) return "Cannot check modules: " + error_;
    size_t loads = 0;
    for (const ModuleVerdict& v : run_.verdicts) loads += v.loads;
    std::string text = std::to_string(run_.verdicts.size()) + " module(s) against " + std::to_string(run_.kernelExports) +
                       " exports (" + kernels_ + "): " + std::to_string(loads) + " load, " +
                       std::to_string(run_.verdicts.size() - loads) + " do not";
    if (!run_.errors.empty()) text += "; " + std::to_string(run_.errors.size()) + " file(s) unreadable";
    return text;
}

ModulePane::Result ModulePane::handle(const Key& key, int height) {
    Result result;
    lastHeight_ = std::max(1, height);
    const size_t count = lines_.size();
    auto toggle = [&](bool open) {
        if (lines_.empty()) return;
        const size_t module = lines_[cursor_.position()].module;
        expanded_[module] = char(open);
        rebuildLines();
        for (size_t i = 0; i < lines_.size(); ++i)
            if (lines_[i].module == module && lines_[i].problem < 0) cursor_.moveTo(i, lines_.size());
    };
    result.kind = Result::Kind::Handled;
    if (moveByKey(cursor_, key, count, lastHeight_)) return result;
    switch (key.kind) {
    case Key::Kind::Right: toggle(true); break;
    case Key::Kind::Left: toggle(false); break;
    case Key::Kind::Enter: {
        if (lines_.empty()) break;
        bool stops = false;
        const ModuleProblem* problem = problemOf(lines_[cursor_.position()], &stops);
        if (!problem) {
            toggle(!expanded_[lines_[cursor_.position()].module]);
        } else if (!problem->symbol.empty()) {
            result.kind = Result::Kind::OpenSymbol;
            result.symbol = problem->symbol;
        }
        break;
    }
    case Key::Kind::Char:
        switch (key.ch) {
        case 'l': toggle(true); break;
        case 'h': toggle(false); break;
        default: return Result{};
        }
        break;
    default: return Result{};
    }
    cursor_.reveal(size_t(lastHeight_));
    return result;
}

ModulePane::Result ModulePane::click(int line, bool twice) {
    const size_t position = cursor_.top() + size_t(std::max(0, line));
    if (line < 0 || position >= lines_.size()) return Result{};
    cursor_.moveTo(position, lines_.size());
    if (twice) return handle(Key::of(Key::Kind::Enter), lastHeight_);
    Result handled;
    handled.kind = Result::Kind::Handled;
    return handled;
}

void ModulePane::draw(Surface& surface, const Rect& area, bool focused) {
    if (area.height < 2) return;
    const bool ascii = surface.ascii();
    surface.fill(area.y, area.x, area.width, Style::Header);
    surface.put(area.y, area.x + 2, "Module / import              Verdict         Detail (Enter on an import: why its CRC moved)", Style::Header,
                area.width - 2);
    if (!hasRun_) {
        surface.put(area.y + 1, area.x + 2,
                    !checking_.empty() ? "Checking " + checking_ + "\u2026"
                    : !error_.empty()  ? "Cannot check modules: " + error_
                                       : "No modules checked: start with --modules PATH --kernel PATH (docs/check-modules.md).",
                    error_.empty() ? Style::Dim : Style::Error, area.width - 2);
        return;
    }
    const int rows = area.height - 1;
    lastHeight_ = rows;
    cursor_.reveal(size_t(rows));
    const Style selectedStyle = focused ? Style::Selected : Style::Cursor;
    for (int line = 0; line < rows; ++line) {
        const size_t position = cursor_.top() + size_t(line);
        if (position >= lines_.size()) {
            const size_t error = position - lines_.size();
            if (error < run_.errors.size()) surface.put(area.y + 1 + line, area.x + 2, run_.errors[error], Style::Error, area.width - 2);
            continue;
        }
        const Line& l = lines_[position];
        const ModuleVerdict& v = run_.verdicts[l.module];
        const int y = area.y + 1 + line;
        const bool selected = position == cursor_.position();
        if (selected) surface.fill(y, area.x, area.width, selectedStyle);
        const Style base = selected ? selectedStyle : Style::Normal;
        bool stops = false;
        if (const ModuleProblem* p = problemOf(l, &stops)) {
            const Mark mark = stops ? Mark::Removed : Mark::Changed;
            surface.put(y, area.x + 2, std::string(markGlyph(mark, ascii)), selected ? base : stops ? Style::Removed
                                                                                                    : Style::Changed,
                        1);
            surface.put(y, area.x + 4, p->symbol.empty() ? "(the module)" : p->symbol, base, 25);
            surface.put(y, area.x + 31, importProblemName(p->kind), selected ? base : stops ? Style::Removed
                                                                                            : Style::Changed,
                        15);
            surface.put(y, area.x + 47, p->detail, base, area.width - 47);
            continue;
        }
        const Mark mark = v.loads ? Mark::Added : Mark::Removed;
        const std::string expander = v.problems.empty() && v.warnings.empty() ? "  " : expanded_[l.module] ? "\u25be "
                                                                                                           : "\u25b8 ";
        surface.put(y, area.x, std::string(markGlyph(mark, ascii)), selected ? base : v.loads ? Style::Added
                                                                                              : Style::Removed,
                    1);
        surface.put(y, area.x + 2, expander + std::filesystem::path(v.module.path).filename().string(), base, 27);
        surface.put(y, area.x + 31, v.loads ? "loads" : "does not load", selected ? base : v.loads ? Style::Added
                                                                                                   : Style::Removed,
                    15);
        surface.put(y, area.x + 47,
                    std::to_string(v.checked) + " imports, " + versionTableName(v.module.table) + "; " + std::to_string(v.problems.size()) +
                        " problem(s), " + std::to_string(v.warnings.size()) + " warning(s)",
                    base, area.width - 47);
    }
}

}  // namespace kabiscope::tui
