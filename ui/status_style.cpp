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

QString markLabel(Mark mark) {
    const std::string_view name = kabiscope::markName(mark);
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
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
    const std::string_view mark8 = markGlyph(mark);
    const QString glyph = QString::fromUtf8(mark8.data(), qsizetype(mark8.size()));
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
    painter.setPen(mark == Mark::None ? QColor(0x99, 0x99, 0x99) : mark == Mark::OnPath ? color
                                                                                        : Qt::white);
    painter.drawText(QRectF(0, -1, 32, 32), Qt::AlignCenter, glyph);
    painter.end();
    QIcon icon(pixmap);
    cache.insert(int(mark), icon);
    return icon;
}

}  // namespace kabiscope::ui
