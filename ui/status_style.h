// How statuses look everywhere in the explorer: a colour and an icon with a glyph, so a status
// never depends on colour alone (changed "~", added "+", removed "−", on a path "›").
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

#include "diff/build_diff.h"

namespace kabiscope::ui {

enum class Mark { None, Changed, Added, Removed, OnPath };

QColor markColor(Mark mark);       // strong colour for text and graph
QColor markBackground(Mark mark);  // light tint for rows
QIcon markIcon(Mark mark);
QString markName(Mark mark);

Mark markFor(SymbolStatus status);
Mark markFor(ChangeKind kind);

}  // namespace kabiscope::ui
