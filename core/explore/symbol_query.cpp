#include "explore/symbol_query.h"

#include <algorithm>
#include <cctype>

namespace kabiscope {

namespace {

std::string lowered(std::string text) {
    for (char& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace

bool containsIgnoringCase(std::string_view text, std::string_view needle) {
    if (needle.size() > text.size()) return false;
    return std::search(text.begin(), text.end(), needle.begin(), needle.end(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           }) != text.end();
}

void SymbolQuery::setText(const std::string& text, bool regularExpression) {
    text_ = text;
    lowered_ = lowered(text);
    useExpression_ = regularExpression;
    textValid_ = true;
    if (regularExpression && !text.empty()) {
        try {
            expression_ = std::regex(text, std::regex::ECMAScript | std::regex::icase);
        } catch (const std::regex_error&) {
            textValid_ = false;
        }
    }
}

void SymbolQuery::setStatusVisible(SymbolStatus status, bool visible) {
    if (visible)
        hidden_.erase(status);
    else
        hidden_.insert(status);
}

void SymbolQuery::clear() {
    setText({}, useExpression_);
    hidden_.clear();
    module_.clear();
}

bool SymbolQuery::accepts(const ExploreSession& session, size_t index) const {
    const SymbolDiff& symbol = session.diff.symbols[index];
    if (!hidden_.empty() && hidden_.count(symbol.status)) return false;
    if (!module_.empty() && symbol.module != module_) return false;
    if (text_.empty()) return true;
    if (useExpression_) return textValid_ && std::regex_search(symbol.name, expression_);
    return containsIgnoringCase(symbol.name, lowered_);
}

std::vector<size_t> SymbolQuery::run(const ExploreSession& session, SymbolColumn column, bool descending) const {
    std::vector<size_t> shown;
    for (size_t i = 0; i < session.diff.symbols.size(); ++i)
        if (accepts(session, i)) shown.push_back(i);
    if (column == SymbolColumn::Name && !descending) return shown;  // the session's own order
    std::stable_sort(shown.begin(), shown.end(), [&](size_t a, size_t b) {
        return descending ? symbolLess(session, b, a, column) : symbolLess(session, a, b, column);
    });
    return shown;
}

bool symbolLess(const ExploreSession& session, size_t a, size_t b, SymbolColumn column) {
    const SymbolDiff& x = session.diff.symbols[a];
    const SymbolDiff& y = session.diff.symbols[b];
    auto crc = [](const std::optional<uint32_t>& value) { return value ? int64_t(*value) : int64_t(-1); };
    switch (column) {
    case SymbolColumn::Status: return statusRank(x.status) < statusRank(y.status);
    case SymbolColumn::OldCrc: return crc(x.oldCrc) < crc(y.oldCrc);
    case SymbolColumn::NewCrc: return crc(x.newCrc) < crc(y.newCrc);
    case SymbolColumn::Causes: return x.causes.size() < y.causes.size();
    case SymbolColumn::Name: return x.name < y.name;
    default: return symbolCell(session, a, column) < symbolCell(session, b, column);
    }
}

std::optional<size_t> neighbourChangedSymbol(const ExploreSession& session, const std::vector<size_t>& shown,
                                             std::optional<size_t> from, bool forward) {
    long position = from ? long(*from) : -1;
    for (size_t step = 0; step < shown.size(); ++step) {
        position += forward ? 1 : -1;
        if (position < 0 || position >= long(shown.size())) break;
        if (session.diff.symbols[shown[size_t(position)]].status == SymbolStatus::Changed) return size_t(position);
    }
    return std::nullopt;
}

}  // namespace kabiscope
