// ReviewBar: the sign-off strip above the root causes: the verdict in one line, "Waive…" for
// the selected cause (a reason and a name), and "Hide waived" to leave only what is open.
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace kabiscope::ui {

class Review;

class ReviewBar : public QWidget {
    Q_OBJECT
public:
    ReviewBar(Review* review, QTreeView* causeView, QWidget* parent = nullptr);

    // Asks for a reason and a name, then waives the selected cause; errors go to `failed`.
    void waiveSelected();
    // The same without asking (tests, scripts). False when no cause is selected or the waiver
    // is refused (an empty reason or name): `failed` says why.
    bool waiveSelected(const QString& reason, const QString& by);
    QCheckBox* hideWaived() const { return hideWaived_; }
    QLabel* summary() const { return summary_; }

Q_SIGNALS:
    void failed(const QString& message);

private:
    int selectedCause() const;  // its id, 0 when none
    void refresh();

    Review* review_;
    QTreeView* causeView_;
    QLabel* summary_;
    QPushButton* waive_;
    QCheckBox* hideWaived_;
};

}  // namespace kabiscope::ui
