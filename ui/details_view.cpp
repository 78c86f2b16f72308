#include "ui/details_view.h"

#include "explore/crc_input_window.h"

#include <algorithm>

#include "diff/member_table.h"
#include "output/writers.h"
#include "version/crc_expander.h"

namespace kabiscope::ui {

namespace {

QString escape(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

// Old and new with the part between their common prefix and suffix highlighted.
std::pair<QString, QString> markDifference(const std::string& a, const std::string& b) {
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    auto render = [&](const std::string& s, const char* color) -> QString {
        if (a == b) return escape(s);
        return escape(s.substr(0, prefix)) + QStringLiteral("<span style=\"background:%1\">").arg(QLatin1String(color)) +
               escape(s.substr(prefix, s.size() - prefix - suffix)) + QStringLiteral("</span>") +
               escape(s.substr(s.size() - suffix));
    };
    return {render(a, "#ffc9c9"), render(b, "#b2f2bb")};
}

QString block(const QString& title, const QString& body) {
    return QStringLiteral("<p style=\"margin:6px 0 2px 0\"><b>%1</b></p><pre style=\"white-space:pre-wrap; "
                          "margin:0; background:#f7f7f7; padding:4px\">%2</pre>")
        .arg(title, body);
}

// Old and new side by side, one line per member, the changed ones first (and highlighted);
// the unchanged ones after them, greyed. `single`: one build, one column.
QString membersTable(const MemberTable& table, bool single) {
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" style=\"font-family:monospace\">");
    auto header = [&](const QString& a, const QString& b) {
        html += QStringLiteral("<tr style=\"background:#eceff3\"><th></th><th align=\"left\">%1</th>").arg(a);
        if (!single) html += QStringLiteral("<th align=\"left\">%1</th>").arg(b);
        html += QStringLiteral("</tr>");
    };
    header(single ? QObject::tr("Rendering") : QObject::tr("Old"), QObject::tr("New"));
    auto row = [&](QChar sign, const QString& a, const QString& b, const char* background, const char* color) {
        html += QStringLiteral("<tr style=\"background:%1; color:%2\"><td width=\"14\"><b>%3</b></td><td>%4</td>")
                    .arg(QLatin1String(background), QLatin1String(color), sign, a);
        if (!single) html += QStringLiteral("<td>%1</td>").arg(b);
        html += QStringLiteral("</tr>");
    };
    if (!table.hasList) {
        for (const MemberLine& line : table.lines) {
            auto [a, b] = markDifference(line.oldText, line.newText);
            row(QLatin1Char(changeSign(line.change)), a, b, "#ffffff", "#000000");
        }
        return html + QStringLiteral("</table>");
    }
    {
        auto [a, b] = markDifference(table.oldHead + " … " + table.oldTail, table.newHead + " … " + table.newTail);
        const bool same = table.oldHead == table.newHead && table.oldTail == table.newTail;
        row(same ? QLatin1Char(' ') : QLatin1Char('~'), a, b, same ? "#ffffff" : "#fff4e0", "#000000");
    }
    for (const MemberLine& line : table.lines) {
        switch (line.change) {
        case MemberLine::Change::Added: row(QLatin1Char('+'), QStringLiteral("—"), escape(line.newText), "#e6f7e9", "#000000"); break;
        case MemberLine::Change::Removed: row(QLatin1Char('-'), escape(line.oldText), QStringLiteral("—"), "#fdeaea", "#000000"); break;
        case MemberLine::Change::Changed: {
            auto [a, b] = markDifference(line.oldText, line.newText);
            row(QLatin1Char('~'), a, b, "#fff4e0", "#000000");
            break;
        }
        case MemberLine::Change::Same:
            row(QLatin1Char(' '), escape(line.oldText), escape(line.newText), "#ffffff", single ? "#000000" : "#777777");
            break;
        }
    }
    return html + QStringLiteral("</table>");
}

}  // namespace

DetailsView::DetailsView(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    document()->setDefaultStyleSheet(QStringLiteral("pre { font-family: monospace; }"));
}

void DetailsView::clearDetails() { setHtml(QString()); }

void DetailsView::showRow(const SessionPtr& session, int symbolIndex, const AlignedTree* tree, int treeRow) {
    if (!session || !tree || treeRow < 0) {
        clearDetails();
        return;
    }
    const AlignedRow& row = tree->row(treeRow);
    const SymbolDiff& symbol = session->diff.symbols[size_t(symbolIndex)];
    QString html = QStringLiteral("<h3 style=\"margin:2px\">%1</h3>").arg(escape(row.label));
    // A type row lists every cause inside the type (a member added and the size it changed are
    // two causes on two rows); other rows their own.
    std::vector<uint32_t> causes = row.causes;
    if (row.kind == AlignedRow::Kind::Type)
        for (const Cause& cause : session->diff.causes)
            if (cause.type == row.key && std::find(causes.begin(), causes.end(), cause.id) == causes.end())
                causes.push_back(cause.id);
    std::sort(causes.begin(), causes.end());
    for (uint32_t id : causes)
        html += QStringLiteral("<p style=\"color:#b45f06; margin:2px\">#%1 %2</p>")
                    .arg(id)
                    .arg(escape(session->diff.causes[id - 1].title()));
    // A symbol read from a text reference (a Module.symvers) has its CRC and no types.
    const auto& sides = session->sides[size_t(symbolIndex)];
    const bool oldTyped = !sides.before.symbol || sides.before.symbol->hasTypes();
    const bool newTyped = !sides.after.symbol || sides.after.symbol->hasTypes();
    if (row.kind == AlignedRow::Kind::Symbol && (!oldTyped || !newTyped)) {
        auto crc = [](const std::optional<uint32_t>& value) {
            return value ? QStringLiteral("0x%1").arg(*value, 8, 16, QLatin1Char('0')) : QStringLiteral("—");
        };
        html += QStringLiteral("<p style=\"margin:2px\">CRC %1 → %2</p>").arg(crc(symbol.oldCrc), crc(symbol.newCrc));
        const std::string why = unexplainedText(symbol);
        html += QStringLiteral("<p style=\"margin:2px\"><b>Types are not available</b>: %1.</p>")
                    .arg(escape(!why.empty() ? why
                                : (sides.after.symbol ? sides.after.symbol : sides.before.symbol)->hasCrc
                                    ? std::string("its build holds CRCs only")
                                    : std::string("no DWARF describes it (CRC 0)")));
        setHtml(html);
        return;
    }
    const std::string before = row.inOld ? tree->rendering(treeRow, false) : std::string();
    const std::string after = row.inNew ? tree->rendering(treeRow, true) : std::string();
    if (session->single()) {
        html += membersTable(compareMembers(after, after), true);
    } else if (!row.inOld || !row.inNew || before == after) {
        html += block(row.inOld ? tr("Old") : tr("Old: (absent)"), escape(before));
        html += block(row.inNew ? (before == after ? tr("New: the same") : tr("New")) : tr("New: (absent)"),
                      before == after ? QString() : escape(after));
    } else {
        html += membersTable(compareMembers(before, after), false);
    }

    if (row.kind == AlignedRow::Kind::Symbol) {
        // The exact bytes hashed, and the CRC recomputed from them.
        const CrcInputs inputs = crcInputsOf(sides.before, sides.after, session->single());
        const std::string& oldInput = inputs.oldInput;
        const std::string& newInput = inputs.newInput;
        const size_t first = inputs.firstDifference;
        const bool differ = inputs.differ();
        auto window = [&](const std::string& text) {
            const CrcInputWindow cut = crcInputWindow(text, first);
            QString shown = (cut.clippedStart ? QStringLiteral("…") : QString()) + escape(cut.before);
            if (!cut.marked.empty())
                shown += QStringLiteral("<span style=\"background:#ffd43b; font-weight:bold\">") + escape(cut.marked) +
                         QStringLiteral("</span>") + escape(cut.after);
            if (cut.clippedEnd) shown += QStringLiteral("…");
            return shown;
        };
        auto summary = [](const std::string& text, const std::optional<uint32_t>& recorded) {
            return QString::fromStdString(crcInputSummary(text, recorded));
        };
        if (differ && !session->single()) {
            html += QStringLiteral("<p style=\"margin:8px 0 2px 0\"><b>CRC input</b>: first difference at byte %1</p>").arg(first);
            html += block(tr("Old: ") + summary(oldInput, symbol.oldCrc), window(oldInput));
            html += block(tr("New: ") + summary(newInput, symbol.newCrc), window(newInput));
        } else {
            html += block(tr("CRC input: ") + summary(newInput, symbol.newCrc),
                          escape(newInput.substr(0, 2000)) + (newInput.size() > 2000 ? QStringLiteral("…") : QString()));
        }
    }
    setHtml(html);
}

}  // namespace kabiscope::ui
