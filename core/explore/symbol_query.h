// SymbolQuery: the symbol list as a user narrows it — text (a case-insensitive substring, or a
// case-insensitive ECMAScript regular expression), statuses and module — and its order by any
// column's raw value (CRCs as numbers, causes by count, status by what needs attention).
#pragma once

#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "explore/cell_texts.h"
#include "explore/explore_session.h"

namespace kabiscope {

class SymbolQuery {
public:
    // An invalid expression matches nothing, and textValid() says so.
    void setText(const std::string& text, bool regularExpression);
    bool textValid() const { return textValid_; }
    const std::string& text() const { return text_; }
    bool regularExpression() const { return useExpression_; }

    void setStatusVisible(SymbolStatus status, bool visible);
    bool statusVisible(SymbolStatus status) const { return !hidden_.count(status); }
    void setModule(const std::string& module) { module_ = module; }  // empty: all
    const std::string& module() const { return module_; }
    // Every symbol shown again: no text, every status, all modules.
    void clear();

    bool accepts(const ExploreSession& session, size_t symbol) const;
    // The accepted symbols' indices in the order of `column` (stable: equal values keep the
    // session's order, by name).
    std::vector<size_t> run(const ExploreSession& session, SymbolColumn column, bool descending) const;

private:
    std::string text_, lowered_;
    bool useExpression_ = false;
    bool textValid_ = true;
    std::regex expression_;
    std::set<SymbolStatus> hidden_;
    std::string module_;
};

// Whether `needle` occurs in `text`, any case (ASCII): the filter's and the tree search's match.
bool containsIgnoringCase(std::string_view text, std::string_view needle);

// Whether symbol `a` sorts before `b` by `column`'s raw value.
bool symbolLess(const ExploreSession& session, size_t a, size_t b, SymbolColumn column);

// The next (or previous) changed symbol after position `from` of `shown` (nullopt: none).
std::optional<size_t> neighbourChangedSymbol(const ExploreSession& session, const std::vector<size_t>& shown,
                                             std::optional<size_t> from, bool forward);

}  // namespace kabiscope
