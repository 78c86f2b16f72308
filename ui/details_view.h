// DetailsView: the selected node's rendering as in symtypes, old and new, with the differing
// part marked; for the symbol itself, its exact CRC input on each side with the first
// differing byte marked and the CRC recomputed from those bytes.
#pragma once

#include <QTextBrowser>

#include "explore/aligned_tree.h"
#include "ui/session.h"

namespace kabiscope::ui {

class DetailsView : public QTextBrowser {
    Q_OBJECT
public:
    explicit DetailsView(QWidget* parent = nullptr);
    void showRow(const SessionPtr& session, int symbolIndex, const AlignedTree* tree, int treeRow);
    void clearDetails();
};

}  // namespace kabiscope::ui
