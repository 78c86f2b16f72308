#include "ui/graph_view.h"

#include <QCheckBox>
#include <QFile>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <map>

#include "base/error.h"
#include "ui/status_style.h"

namespace kabiscope::ui {

namespace {

constexpr int kKeyRole = 0;

// A scene that reports which type was clicked.
class GraphScene : public QGraphicsScene {
public:
    explicit GraphScene(GraphView* owner) : QGraphicsScene(owner), owner_(owner) {}

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override {
        QGraphicsScene::mousePressEvent(event);
        for (QGraphicsItem* item = itemAt(event->scenePos(), QTransform()); item; item = item->parentItem()) {
            const QString key = item->data(kKeyRole).toString();
            if (!key.isEmpty()) {
                Q_EMIT owner_->typeActivated(key);
                return;
            }
        }
    }

private:
    GraphView* owner_;
};

QPointF toQt(const GraphLayout::Point& p) { return {p.x, p.y}; }

}  // namespace

void ZoomableGraphicsView::wheelEvent(QWheelEvent* event) {
    const double factor = std::pow(1.0015, event->angleDelta().y());
    scale(factor, factor);
    event->accept();
    Q_EMIT zoomedByHand();
}

void ZoomableGraphicsView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    Q_EMIT resized();
}

void GraphView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (autoFit_) fit();
}

GraphView::GraphView(QWidget* parent) : QWidget(parent) {
    scene_ = new GraphScene(this);
    view_ = new ZoomableGraphicsView(scene_, this);
    view_->setDragMode(QGraphicsView::ScrollHandDrag);
    view_->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    view_->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    view_->setBackgroundBrush(Qt::white);

    depth_ = new QSpinBox(this);
    depth_->setRange(0, 12);
    depth_->setValue(1);
    depth_->setPrefix(tr("Depth "));
    depth_->setToolTip(tr("Type hops shown from the symbol; paths to changes are always shown"));
    onlyChanges_ = new QCheckBox(tr("Only paths to changes"), this);
    onlyChanges_->setChecked(true);
    auto* fitButton = new QPushButton(tr("Fit"), this);
    auto* zoomIn = new QPushButton(tr("+"), this);
    auto* zoomOut = new QPushButton(tr("−"), this);
    zoomIn->setFixedWidth(32);
    zoomOut->setFixedWidth(32);
    status_ = new QLabel(this);
    status_->setStyleSheet(QStringLiteral("color: #666"));

    auto* tools = new QHBoxLayout;
    tools->addWidget(depth_);
    tools->addWidget(onlyChanges_);
    tools->addStretch();
    tools->addWidget(status_);
    tools->addWidget(zoomOut);
    tools->addWidget(zoomIn);
    tools->addWidget(fitButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(tools);
    layout->addWidget(view_);

    connect(depth_, &QSpinBox::valueChanged, this, &GraphView::rebuild);
    connect(onlyChanges_, &QCheckBox::toggled, this, &GraphView::rebuild);
    connect(fitButton, &QPushButton::clicked, this, [this] {
        autoFit_ = true;
        fit();
    });
    connect(zoomIn, &QPushButton::clicked, this, [this] {
        autoFit_ = false;
        view_->scale(1.25, 1.25);
    });
    connect(zoomOut, &QPushButton::clicked, this, [this] {
        autoFit_ = false;
        view_->scale(0.8, 0.8);
    });
    connect(view_, &ZoomableGraphicsView::zoomedByHand, this, [this] { autoFit_ = false; });
    connect(view_, &ZoomableGraphicsView::resized, this, [this] {
        if (autoFit_) fit();
    });
    connect(&watcher_, &QFutureWatcher<GraphLayout>::finished, this, [this] {
        const unsigned generation = watcher_.property("generation").toUInt();
        if (generation != generation_) return;  // a newer layout is on its way
        try {
            draw(watcher_.result());
        } catch (const std::exception& e) {
            status_->setText(tr("layout failed: %1").arg(QString::fromUtf8(e.what())));
        }
        drawnGeneration_ = generation;
        Q_EMIT layoutReady();
    });
}

void GraphView::setSymbol(SessionPtr session, int symbolIndex) {
    session_ = std::move(session);
    symbolIndex_ = symbolIndex;
    rebuild();
}

void GraphView::rebuild() {
    ++generation_;
    scene_->clear();
    nodes_.clear();
    dashedKey_.clear();
    if (!session_ || symbolIndex_ < 0) {
        status_->clear();
        drawnGeneration_ = generation_;  // nothing to lay out
        return;
    }
    const auto& sides = session_->sides[size_t(symbolIndex_)];
    const Build::SymbolRef& ref = sides.after.symbol ? sides.after : sides.before;
    const SymbolDiff& diff = session_->diff.symbols[size_t(symbolIndex_)];
    DependencyGraphOptions options;
    options.depth = depth_->value();
    const bool haveChanges = !diff.causes.empty();
    options.onlyPathsToChanges = haveChanges && onlyChanges_->isChecked();
    onlyChanges_->setEnabled(haveChanges);
    if (haveChanges) {
        options.diff = &session_->diff;
        options.symbolDiff = &diff;
    }
    options.maxNodes = 200;  // a layout Graphviz finishes in a second or two
    graph_ = buildDependencyGraph(*ref.file, *ref.symbol, options);
    dot_ = toDot(graph_, false);
    status_->setText(tr("%1 types, laying out…").arg(graph_.nodes.size()));
    watcher_.setProperty("generation", generation_);
    const std::string dot = dot_;
    watcher_.setFuture(QtConcurrent::run([dot] { return layoutDot(dot); }));
}

void GraphView::draw(const GraphLayout& layout) {
    scene_->clear();
    nodes_.clear();
    dashedKey_.clear();
    // Scene units are Graphviz points: use the pixel sizes the DOT asks for (11 and 9).
    QFont font;
    font.setPixelSize(11);
    QFont small = font;
    small.setPixelSize(9);
    std::map<std::pair<size_t, size_t>, size_t> edgeIndex;  // (from, to) -> graph_.edges
    for (size_t e = 0; e < graph_.edges.size(); ++e) edgeIndex.emplace(std::make_pair(graph_.edges[e].from, graph_.edges[e].to), e);
    for (const auto& edge : layout.edges) {
        const size_t from = std::stoull(edge.tail.substr(1));
        const size_t to = std::stoull(edge.head.substr(1));
        bool onPath = false;
        QString label;
        if (auto e = edgeIndex.find({from, to}); e != edgeIndex.end()) {
            onPath = graph_.edges[e->second].onPath;
            label = QString::fromStdString(graph_.edges[e->second].label);
        }
        if (edge.spline.size() < 2) continue;
        QPainterPath path(toQt(edge.spline[0]));
        size_t i = 1;
        for (; i + 2 < edge.spline.size(); i += 3)
            path.cubicTo(toQt(edge.spline[i]), toQt(edge.spline[i + 1]), toQt(edge.spline[i + 2]));
        const QColor color = onPath ? markColor(Mark::OnPath) : QColor(0x9a, 0x9a, 0x9a);
        QPen pen(color, onPath ? 2.2 : 1.0);
        scene_->addPath(path, pen);
        // The arrow head: from the end of the spline to the tip Graphviz reserved for it.
        const QPointF tip = toQt(edge.spline.back());
        // With an arrow, Graphviz ends the curve short of the head and gives the tip separately.
        const QPointF base = i < edge.spline.size() ? toQt(edge.spline[i - 1]) : path.pointAtPercent(0.97);
        QLineF line(tip, base);
        if (line.length() > 0.1) {
            line.setLength(9);
            QLineF left = line, right = line;
            left.setAngle(line.angle() + 22);
            right.setAngle(line.angle() - 22);
            QPolygonF head{tip, left.p2(), right.p2()};
            scene_->addPolygon(head, pen, color);
        }
        if (edge.hasLabel && !label.isEmpty()) {
            auto* text = scene_->addSimpleText(label, small);
            text->setBrush(QColor(0x55, 0x55, 0x55));
            const QRectF box = text->boundingRect();
            text->setPos(edge.labelPosition.x - box.width() / 2, edge.labelPosition.y - box.height() / 2);
        }
    }
    for (const auto& node : layout.nodes) {
        const size_t index = std::stoull(node.id.substr(1));
        if (index >= graph_.nodes.size()) continue;
        const auto& info = graph_.nodes[index];
        const QRectF rect(node.x - node.width / 2, node.y - node.height / 2, node.width, node.height);
        QPainterPath shape;
        shape.addRoundedRect(rect, 6, 6);
        QColor fill(0xf5, 0xf5, 0xf5), border(0x88, 0x88, 0x88);
        double width = 1.0;
        if (info.isSymbol) {
            fill = QColor(0xdb, 0xe8, 0xff);
            border = QColor(0x2f, 0x5d, 0xa8);
            width = 2.0;
        }
        if (info.changed) {
            fill = QColor(0xff, 0xd6, 0xd6);
            border = QColor(0xc6, 0x28, 0x28);
            width = 2.0;
        } else if (info.onPath && !info.isSymbol) {
            border = markColor(Mark::OnPath);
            width = 2.0;
        }
        auto* box = scene_->addPath(shape, QPen(border, width), fill);
        const QString key = QString::fromStdString(info.name);
        box->setData(kKeyRole, key);
        box->setFlag(QGraphicsItem::ItemIsSelectable);
        box->setCursor(Qt::PointingHandCursor);
        QString text = QString::fromStdString(info.label);
        if (info.truncated) text += tr("\n(more not shown)");
        QString tip = QString::fromStdString(info.name);
        for (const auto& cause : info.causes) tip += QLatin1Char('\n') + QString::fromStdString(cause);
        box->setToolTip(tip);
        auto* label = new QGraphicsSimpleTextItem(text, box);
        label->setFont(font);
        if (info.changed || info.isSymbol) {
            QFont bold = font;
            bold.setBold(true);
            label->setFont(bold);
        }
        // Qt's font may be wider than the metrics Graphviz assumed: shrink to fit the box.
        QRectF textBox = label->boundingRect();
        const double fit = std::min(1.0, (rect.width() - 8) / std::max(1.0, textBox.width()));
        label->setScale(fit);
        textBox = QRectF(0, 0, textBox.width() * fit, textBox.height() * fit);
        label->setPos(rect.center().x() - textBox.width() / 2, rect.center().y() - textBox.height() / 2);
        nodes_.insert(key, box);
    }
    scene_->setSceneRect(scene_->itemsBoundingRect().adjusted(-20, -20, 20, 20));
    status_->setText(graph_.omitted ? tr("%1 types; %2 more on paths to changes not shown (nearest first)")
                                          .arg(graph_.nodes.size())
                                          .arg(graph_.omitted)
                                    : tr("%1 types").arg(graph_.nodes.size()));
    autoFit_ = true;  // a new graph: fit it, whatever the zoom of the last one
    fit();
}

void GraphView::fit() {
    if (scene_->items().isEmpty() || !view_->isVisible()) return;  // a hidden view has no size yet
    view_->fitInView(scene_->sceneRect(), Qt::KeepAspectRatio);
    const double scale = view_->transform().m11();
    if (scale > 1.0) {  // never blow a small graph up beyond 1:1
        view_->setTransform(QTransform());
    } else if (scale < kMinimumZoom) {  // a long chain: readable, scrolled to the symbol
        view_->setTransform(QTransform::fromScale(kMinimumZoom, kMinimumZoom));
        for (const DependencyGraph::Node& node : graph_.nodes)
            if (node.isSymbol)
                if (QGraphicsItem* box = nodes_.value(QString::fromStdString(node.name))) {
                    view_->centerOn(box);  // its rank is the leftmost (rankdir=LR): show from there
                    view_->horizontalScrollBar()->setValue(view_->horizontalScrollBar()->minimum());
                }
    }
}

double GraphView::zoom() const { return view_->transform().m11(); }

void GraphView::selectType(const QString& key) {
    scene_->clearSelection();
    // One dashed border at a time: the previous selection's box gets its solid line back.
    auto setDashed = [this](const QString& which, bool dashed) {
        auto* path = static_cast<QGraphicsPathItem*>(nodes_.value(which));
        if (!path) return;
        QPen pen = path->pen();
        pen.setStyle(dashed ? Qt::DashLine : Qt::SolidLine);
        path->setPen(pen);
    };
    setDashed(dashedKey_, false);
    dashedKey_.clear();
    if (QGraphicsItem* item = nodes_.value(key)) {
        item->setSelected(true);
        view_->ensureVisible(item);
        setDashed(key, true);
        dashedKey_ = key;
    }
}

QString GraphView::selectedType() const {
    for (auto it = nodes_.begin(); it != nodes_.end(); ++it)
        if (it.value()->isSelected()) return it.key();
    return {};
}

QPointF GraphView::nodeCenter(const QString& key) const {
    const QGraphicsItem* item = nodes_.value(key);
    return item ? item->sceneBoundingRect().center() : QPointF(qQNaN(), qQNaN());
}

void GraphView::exportSvg(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) throw Error(path.toStdString(), "cannot create file");
    file.write(QByteArray::fromStdString(renderDot(dot_, "svg")));
}

void GraphView::exportPng(const QString& path) {
    const QRectF area = scene_->sceneRect();
    QImage image((area.size() * 2).toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene_->render(&painter, QRectF(), area);
    painter.end();
    if (!image.save(path, "PNG")) throw Error(path.toStdString(), "cannot write PNG");
}

void GraphView::exportDot(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) throw Error(path.toStdString(), "cannot create file");
    file.write(QByteArray::fromStdString(dot_));
}

}  // namespace kabiscope::ui
