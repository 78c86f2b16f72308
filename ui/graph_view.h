// GraphView: the selected symbol's dependency graph, laid out by Graphviz (gvc, dot) on a worker
// thread and drawn in a QGraphicsScene: zoom with the wheel, pan by dragging, fit. Changed types
// are filled red, paths to them drawn heavier; a depth limit and "only paths to changes" keep
// large cones readable. Clicking a type emits typeActivated(); selectType() highlights one.
#pragma once

#include <QFutureWatcher>
#include <QGraphicsView>
#include <QHash>
#include <QWidget>

#include "graph/dependency_graph.h"
#include "graph/graphviz.h"
#include "ui/session.h"

class QCheckBox;
class QGraphicsScene;
class QLabel;
class QSpinBox;

namespace kabiscope::ui {

class ZoomableGraphicsView : public QGraphicsView {
    Q_OBJECT
public:
    using QGraphicsView::QGraphicsView;

Q_SIGNALS:
    void zoomedByHand();  // the wheel: stop refitting on resize
    void resized();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
};

class GraphView : public QWidget {
    Q_OBJECT
public:
    explicit GraphView(QWidget* parent = nullptr);

    void setSymbol(SessionPtr session, int symbolIndex);
    void selectType(const QString& key);
    QGraphicsView* view() const { return view_; }
    // True from a rebuild until its layout is drawn (a layout that finished but is not drawn yet
    // still counts as pending).
    bool layoutPending() const { return drawnGeneration_ != generation_; }
    // The scene position of a drawn type ("s#foo") or the symbol; invalid when not drawn.
    QPointF nodeCenter(const QString& key) const;
    QString dot() const { return QString::fromStdString(dot_); }
    QString selectedType() const;

    // Fits the graph to the view, but never below a readable zoom (long chains then scroll, the
    // symbol in view) nor above 1:1. Until the user zooms, the graph refits when the view is
    // shown or resized.
    void fit();
    double zoom() const;  // the view's scale, for tests
    static constexpr double kMinimumZoom = 0.85;
    void exportSvg(const QString& path);
    void exportPng(const QString& path);
    void exportDot(const QString& path);

Q_SIGNALS:
    void typeActivated(const QString& key);
    void layoutReady();

private:
    void rebuild();
    void draw(const GraphLayout& layout);

    SessionPtr session_;
    int symbolIndex_ = -1;
    DependencyGraph graph_;
    std::string dot_;
    unsigned generation_ = 0;
    unsigned drawnGeneration_ = 0;
    QFutureWatcher<GraphLayout> watcher_;
    QGraphicsScene* scene_;
    ZoomableGraphicsView* view_;
    QSpinBox* depth_;
    QCheckBox* onlyChanges_;
    QLabel* status_;
    QHash<QString, QGraphicsItem*> nodes_;
    QString dashedKey_;    // the selected box, drawn dashed
    bool autoFit_ = true;  // false once the user zooms: resizing then keeps their zoom

protected:
    void showEvent(QShowEvent* event) override;
};

}  // namespace kabiscope::ui
