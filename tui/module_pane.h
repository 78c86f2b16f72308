// ModulePane: check-modules in the terminal — each module's verdict against the kernel (loads,
// or does not), and under a module (Right, or open from the start when it does not load) the
// imports that stop it or warn, each with the loader's reason. Enter on a mismatched import
// opens that symbol in the builds' diff, which says why its CRC moved.
#pragma once

#include <string>
#include <vector>

#include "explore/module_check_run.h"
#include "tui/keys.h"
#include "tui/list_cursor.h"
#include "tui/surface.h"

namespace kabiscope::tui {

class ModulePane {
public:
    void setRun(ModuleCheckRun run, const std::string& kernels);
    void setChecking(const std::string& what) { checking_ = what, error_.clear(); }
    void setError(const std::string& error) { error_ = error, checking_.clear(); }
    bool hasRun() const { return hasRun_ || !checking_.empty() || !error_.empty(); }

    struct Result {
        enum class Kind {
            Ignored,
            Handled,
            OpenSymbol
        } kind = Kind::Ignored;
        std::string symbol;
    };
    Result handle(const Key& key, int height);
    Result click(int line, bool twice);
    void draw(Surface& surface, const Rect& area, bool focused);
    std::string summary() const;  // "1 module against 4 exports: 0 load, 1 does not"

private:
    struct Line {
        size_t module;
        int problem = -1;  // index into problems then warnings, -1 for the module's own line
    };
    void rebuildLines();
    const ModuleProblem* problemOf(const Line& line, bool* stops) const;
    ModuleCheckRun run_;
    bool hasRun_ = false;
    std::string kernels_, checking_, error_;
    std::vector<char> expanded_;
    std::vector<Line> lines_;
    ListCursor cursor_;
    int lastHeight_ = 10;
};

}  // namespace kabiscope::tui
