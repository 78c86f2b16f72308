#include "graph/graphviz.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>

#include "base/error.h"

namespace kabiscope {

namespace {

std::mutex& graphvizMutex() {
    static std::mutex mutex;
    return mutex;
}

// Graphviz reports parse errors through a callback; keep the text for our own error message
// instead of letting it print to stderr. Guarded by graphvizMutex().
std::string& lastGraphvizMessage() {
    static std::string message;
    return message;
}

int collectGraphvizMessage(char* text) {
    std::string& message = lastGraphvizMessage();
    message += text;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return 0;
}

struct ContextCloser {
    void operator()(GVC_t* context) const { gvFreeContext(context); }
};
struct GraphCloser {
    void operator()(Agraph_t* graph) const { agclose(graph); }
};
using Context = std::unique_ptr<GVC_t, ContextCloser>;
using Graph = std::unique_ptr<Agraph_t, GraphCloser>;

// One context for the process: Graphviz 2.42 caches font data globally and frees it with a
// context, so a context per call leaves that cache dangling (a use-after-free ASan found).
GVC_t* sharedContext() {
    static Context context(gvContext());
    if (!context) throw Error("graphviz", "cannot create a Graphviz context");
    return context.get();
}

// Owns a layout: gvFreeLayout before the graph is closed.
class LaidOutGraph {
public:
    explicit LaidOutGraph(const std::string& dot) : context_(sharedContext()) {
        lastGraphvizMessage().clear();
        agseterrf(collectGraphvizMessage);
        graph_.reset(agmemread(dot.c_str()));
        if (!graph_)
            throw Error("graphviz", "malformed DOT input" +
                                        (lastGraphvizMessage().empty() ? std::string() : ": " + lastGraphvizMessage()));
        if (gvLayout(context_, graph_.get(), "dot") != 0) throw Error("graphviz", "layout failed");
        laidOut_ = true;
    }
    ~LaidOutGraph() {
        if (laidOut_) gvFreeLayout(context_, graph_.get());
    }
    LaidOutGraph(const LaidOutGraph&) = delete;
    LaidOutGraph& operator=(const LaidOutGraph&) = delete;

    GVC_t* context() const { return context_; }
    Agraph_t* graph() const { return graph_.get(); }

private:
    GVC_t* context_;  // borrowed from sharedContext()
    Graph graph_;
    bool laidOut_ = false;
};

}  // namespace

GraphLayout layoutDot(const std::string& dot) {
    std::lock_guard lock(graphvizMutex());
    LaidOutGraph laidOut(dot);
    Agraph_t* g = laidOut.graph();
    GraphLayout layout;
    const boxf box = GD_bb(g);
    layout.width = box.UR.x - box.LL.x;
    layout.height = box.UR.y - box.LL.y;
    auto flip = [&](pointf p) { return GraphLayout::Point{p.x - box.LL.x, box.UR.y - p.y}; };
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const GraphLayout::Point centre = flip(ND_coord(n));
        layout.nodes.push_back({agnameof(n), centre.x, centre.y, ND_width(n) * 72.0, ND_height(n) * 72.0});
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) {
            GraphLayout::Edge edge;
            edge.tail = agnameof(agtail(e));
            edge.head = agnameof(aghead(e));
            if (const splines* spl = ED_spl(e); spl && spl->size > 0) {
                const bezier& bz = spl->list[0];
                for (size_t i = 0; i < size_t(bz.size); ++i) edge.spline.push_back(flip(bz.list[i]));
                if (bz.eflag) edge.spline.push_back(flip(bz.ep));
            }
            if (textlabel_t* label = ED_label(e)) {
                edge.hasLabel = true;
                edge.label = label->text ? label->text : "";
                edge.labelPosition = flip(label->pos);
            }
            layout.edges.push_back(std::move(edge));
        }
    }
    return layout;
}

std::string renderDot(const std::string& dot, const std::string& format) {
    std::lock_guard lock(graphvizMutex());
    LaidOutGraph laidOut(dot);
    char* data = nullptr;
    unsigned int size = 0;  // Graphviz 2.42's type
    if (gvRenderData(laidOut.context(), laidOut.graph(), format.c_str(), &data, &size) != 0 || !data)
        throw Error("graphviz", "cannot render format '" + format + "'");
    std::string out(data, size);
    gvFreeRenderData(data);
    return out;
}

}  // namespace kabiscope
