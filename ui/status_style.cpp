#include "ui/status_style.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace kabiscope::ui {

QColor markColor(Mark mark) {
    switch (mark) {
    case Mark::Changed: return QColor(0xb4, 0x5f, 0x06);
    case Mark::Added: return QColor(0x2b, 0x8a, 0x3e);
    case Mark::Removed: return QColor(0xc6, 0x28, 0x28);
    case Mark::OnPath: return QColor(0xd9, 0x48, 0x0f);
    case Mark::None: break;
    }
    return QColor(0x55, 0x55, 0x55);
}

QColor markBackground(Mark mark) {
    switch (mark) {
    case Mark::Changed: return QColor(0xff, 0xf0, 0xd0);
    case Mark::Added: return QColor(0xe0, 0xf5, 0xe4);
    case Mark::Removed: return QColor(0xfd, 0xe2, 0xe2);
    case Mark::OnPath: return QColor(0xfc, 0xf4, 0xec);
    case Mark::None: break;
    }
    return QColor();
}

QString markName(Mark mark) {
    switch (mark) {
    case Mark::Changed: return QStringLiteral("changed");
    case Mark::Added: return QStringLiteral("added");
    case Mark::Removed: return QStringLiteral("removed");
    case Mark::OnPath: return QStringLiteral("leads to a change");
    case Mark::None: break;
    }
    return QStringLiteral("unchanged");
}

QIcon markIcon(Mark mark) {
    static QHash<int, QIcon> cache;
    auto it = cache.find(int(mark));
    if (it != cache.end()) return *it;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = markColor(mark);
    QString glyph;
    switch (mark) {
    case Mark::Changed: glyph = QStringLiteral("~"); break;
    case Mark::Added: glyph = QStringLiteral("+"); break;
    case Mark::Removed: glyph = QString(QChar(0x2212)); break;
    case Mark::OnPath: glyph = QString(QChar(0x203A)); break;
    case Mark::None: glyph = QStringLiteral("="); break;
    }
    if (mark == Mark::None) {
        painter.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 2));
        painter.setBrush(Qt::NoBrush);
    } else if (mark == Mark::OnPath) {
        painter.setPen(QPen(color, 3));
        painter.setBrush(Qt::white);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
    }
    painter.drawEllipse(QRectF(3, 3, 26, 26));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(22);
    painter.setFont(font);
    painter.setPen(mark == Mark::None ? QColor(0x99, 0x99, 0x99) : mark == Mark::OnPath ? color : Qt::white);
    painter.drawText(QRectF(0, -1, 32, 32), Qt::AlignCenter, glyph);
    painter.end();
    QIcon icon(pixmap);
    cache.insert(int(mark), icon);
    return icon;
}

Mark markFor(SymbolStatus status) {
    switch (status) {
    case SymbolStatus::Changed: return Mark::Changed;
    case SymbolStatus::Added: return Mark::Added;
    case SymbolStatus::Removed: return Mark::Removed;
    case SymbolStatus::Unchanged: break;
    }
    return Mark::None;
}

Mark markFor(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::Added: return Mark::Added;
    case ChangeKind::Removed: return Mark::Removed;
    default: return Mark::Changed;
    }
}

}  // namespace kabiscope::ui
