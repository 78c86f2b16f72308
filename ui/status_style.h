// How statuses look in the Qt explorer: a colour and an icon with the mark's glyph, so a status
// never depends on colour alone. What each mark is and its name live in explore/marks.h.
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

#include "explore/marks.h"

namespace kabiscope::ui {

QColor markColor(Mark mark);       // strong colour for text and graph
QColor markBackground(Mark mark);  // light tint for rows
QIcon markIcon(Mark mark);
QString markLabel(Mark mark);  // explore/marks.h's name as a QString

}  // namespace kabiscope::ui
