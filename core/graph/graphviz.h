// Graphviz, wrapped: DOT text in, a layout or a rendering out.
//
// cgraph parses the DOT (agmemread), gvc lays it out with `dot` and renders it. Every handle
// has an owner (GVC_t, Agraph_t, the layout). Graphviz keeps global state, so calls are
// serialised by a mutex: the explorer may lay out on a worker thread while the CLI does not care.
#pragma once

#include <string>
#include <vector>

namespace kabiscope {

struct GraphLayout {
    struct Point {
        double x, y;
    };
    struct Node {
        std::string id;        // the DOT node name ("n3")
        double x, y;           // centre, points, y grows downwards
        double width, height;  // points
    };
    struct Edge {
        std::string tail, head;
        std::vector<Point> spline;  // cubic Bezier control points, first point first
        std::string label;
        Point labelPosition{0, 0};
        bool hasLabel = false;
    };
    double width = 0, height = 0;  // bounding box, points
    std::vector<Node> nodes;
    std::vector<Edge> edges;
};

// Lays out DOT with the `dot` engine. Throws kabiscope::Error on malformed input.
GraphLayout layoutDot(const std::string& dot);

// Renders DOT with `dot` into a format gvc knows ("svg", "png", "dot"...).
std::string renderDot(const std::string& dot, const std::string& format);

}  // namespace kabiscope
