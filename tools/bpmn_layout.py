#!/usr/bin/env python3
"""(Re)generate the BPMN diagram interchange (bpmndi:BPMNDiagram) of hand-written BPMN 2.0 files.

Usage:
    python3 tools/bpmn_layout.py [--check] [--render DIR] FILE.bpmn [FILE.bpmn ...]

For every file the existing <bpmndi:BPMNDiagram> element(s) are cut out and a freshly laid-out
one is inserted as the last child of <bpmn:definitions>.  Everything else of the file is kept
byte-for-byte (text surgery, no XML re-serialisation), so running the tool twice yields the same
file.  After writing, the file is re-read and verified: every flow node and sequence flow must
have exactly one DI element and no two shapes may overlap.  A one-line summary is printed per file.

Options:
    --check        do not write; fail (exit 1) if a file's diagram differs from what would be
                   generated or does not verify.
    --render DIR   additionally draw each file's (written) diagram to DIR/<name>.svg and, when
                   `rsvg-convert` is on the PATH, DIR/<name>.png (for eyeballing the layout).

Layout: left-to-right layered layout.  The layer of a node is the longest path from a start event
over sequence flows, ignoring back edges (found by a DFS from the start events).  Boundary events
are not layered: they sit on the bottom edge of their host; their targets are treated as
successors of the host.  Within a layer the main path (first outgoing flow in document order)
keeps its row; other branches go to the rows below.  Edges are orthogonal (leaving a shape on its
right or bottom side, entering on the left, or from below for merges into gateways/events); an
edge that would cross a shape runs in the channel between two rows; back edges are routed below
the diagram.

Lanes: a process with a flat <bpmn:laneSet> inside a <bpmn:collaboration> with exactly one
<bpmn:participant processRef=...> (no message flows) is laid out in lanes instead: the participant
and one horizontal band per lane in lane-set order, every node in its lane's band (boundary events
must share their host's lane).  Columns are the layers, compacted (a flow into another lane may
stay in its source's column and run vertically); nodes take sub-rows inside their lane, a new
sub-row only when shifting right does not do; when the result is wider than a 1600x900 screen
the columns are cut into segments drawn below each other inside every lane (at most
MAX_SEGMENTS, the count that needs the least zoom to fit, each cut where the fewest flows cross
it).  Edges are the cheapest orthogonal route that crosses no shape; labels keep off shapes,
other labels and edges where possible.  Models without lanes are laid out exactly as before.
bpmn-auto-layout (bpmn-io) does not lay out collaborations, lanes or boundary events, which is
why this tool exists.

Standard library only.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NS = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NS = "http://www.omg.org/spec/DD/20100524/DC"
DI_NS = "http://www.omg.org/spec/DD/20100524/DI"

TASK_TYPES = {
    "task", "userTask", "serviceTask", "businessRuleTask", "scriptTask", "sendTask",
    "receiveTask", "manualTask", "callActivity", "subProcess", "transaction", "adHocSubProcess",
}
GATEWAY_TYPES = {
    "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
    "complexGateway",
}
EVENT_TYPES = {
    "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
}
FLOW_NODE_TYPES = TASK_TYPES | GATEWAY_TYPES | EVENT_TYPES

SIZES = {"task": (100, 80), "gateway": (50, 50), "event": (36, 36)}

COL = 160          # distance between layer centres
ROW = 130          # distance between row centres
X0 = 200           # centre x of layer 0
Y0 = 120           # centre y of row 0
LABEL_MAX_W = 90   # bpmn-js wraps external labels at roughly this width
LINE_H = 14
BACK_EDGE_GAP = 40  # distance of the first back edge below the lowest shape
BACK_EDGE_STEP = 20
MAX_REPORTED = 12  # problems printed per file
GAP_SHIFT = 12      # vertical runs in the gap between layers: leaving ones left, entering ones right


class LayoutError(Exception):
    pass


def local(tag):
    return tag.rsplit("}", 1)[-1]


def kind_of(node_type):
    if node_type in TASK_TYPES:
        return "task"
    if node_type in GATEWAY_TYPES:
        return "gateway"
    return "event"


# --------------------------------------------------------------------------------------------
# model


class Node:
    def __init__(self, el, index):
        self.id = el.get("id")
        self.type = local(el.tag)
        self.kind = kind_of(self.type)
        self.name = (el.get("name") or "").strip()
        self.index = index
        self.attached_to = el.get("attachedToRef")
        self.cancel_activity = el.get("cancelActivity", "true") != "false"
        self.outgoing_refs = [(o.text or "").strip() for o in el.findall("{%s}outgoing" % BPMN_NS)]
        self.boundaries = []   # boundary events attached to this node
        self.layer = None
        self.row = None
        w, h = SIZES[self.kind]
        self.w, self.h = w, h
        self.x = self.y = None  # top-left corner

    @property
    def is_boundary(self):
        return self.type == "boundaryEvent"

    @property
    def cx(self):
        return self.x + self.w // 2

    @property
    def cy(self):
        return self.y + self.h // 2

    @property
    def right(self):
        return self.x + self.w

    @property
    def bottom(self):
        return self.y + self.h


class Flow:
    def __init__(self, el, index):
        self.id = el.get("id")
        self.name = (el.get("name") or "").strip()
        self.source = el.get("sourceRef")
        self.target = el.get("targetRef")
        self.index = index
        self.back = False
        self.style = None
        self.waypoints = []


class Model:
    def __init__(self, xml_bytes):
        root = ET.fromstring(xml_bytes)
        if local(root.tag) != "definitions" or not root.tag.startswith("{%s}" % BPMN_NS):
            raise LayoutError("root element is not bpmn:definitions")
        processes = root.findall("{%s}process" % BPMN_NS)
        if len(processes) != 1:
            raise LayoutError("expected exactly one bpmn:process, found %d" % len(processes))
        proc = processes[0]
        self.process_id = proc.get("id")
        self.collaboration_id = None
        self.participant = None    # (id, name)
        self.lanes = []            # [(id, name, [flow node ids])] top to bottom
        self.lane_of = {}
        collabs = root.findall("{%s}collaboration" % BPMN_NS)
        lane_sets = proc.findall("{%s}laneSet" % BPMN_NS)
        if collabs or lane_sets:
            self._read_lanes(collabs, lane_sets)
        self.nodes = {}
        self.node_order = []
        self.flows = {}
        self.flow_order = []
        self.skipped = []
        self.all_ids = {el.get("id") for el in root.iter() if el.get("id")}
        for i, el in enumerate(proc):
            if not isinstance(el.tag, str):
                continue
            t = local(el.tag)
            if t in FLOW_NODE_TYPES:
                if t in ("subProcess", "transaction", "adHocSubProcess") and any(
                        local(c.tag) in FLOW_NODE_TYPES for c in el if isinstance(c.tag, str)):
                    raise LayoutError("expanded sub-process %s is not supported" % el.get("id"))
                n = Node(el, i)
                self.nodes[n.id] = n
                self.node_order.append(n)
            elif t == "sequenceFlow":
                f = Flow(el, i)
                self.flows[f.id] = f
                self.flow_order.append(f)
            elif t == "laneSet" and self.lanes:
                continue
            elif t in ("laneSet", "textAnnotation", "association", "dataObjectReference",
                       "dataStoreReference", "group"):
                self.skipped.append(el.get("id") or t)
        for f in self.flow_order:
            for ref in (f.source, f.target):
                if ref not in self.nodes:
                    raise LayoutError("sequence flow %s refers to unknown node %s" % (f.id, ref))
        for n in self.node_order:
            if n.is_boundary:
                host = self.nodes.get(n.attached_to)
                if host is None or host.kind != "task":
                    raise LayoutError("boundary event %s: bad attachedToRef %s" % (n.id, n.attached_to))
                host.boundaries.append(n)
        if self.lanes:
            for r in self.lane_of:
                if r not in self.nodes:
                    raise LayoutError("lane %s refers to unknown flow node %s" % (self.lane_of[r], r))
            for n in self.node_order:
                if n.id not in self.lane_of:
                    raise LayoutError("flow node %s is in no lane" % n.id)
            for n in self.node_order:
                if n.is_boundary and self.lane_of[n.id] != self.lane_of[n.attached_to]:
                    raise LayoutError("boundary event %s is not in the lane of its host %s"
                                      % (n.id, n.attached_to))
        # outgoing flows of each node: <bpmn:outgoing> order first, then document order
        self.out = {n.id: [] for n in self.node_order}
        self.inc = {n.id: [] for n in self.node_order}
        for n in self.node_order:
            for ref in n.outgoing_refs:
                f = self.flows.get(ref)
                if f is not None and f.source == n.id and f not in self.out[n.id]:
                    self.out[n.id].append(f)
        for f in self.flow_order:
            if f not in self.out[f.source]:
                self.out[f.source].append(f)
            self.inc[f.target].append(f)

    def _read_lanes(self, collabs, lane_sets):
        """One collaboration with one participant for the process, one flat lane set."""
        if len(collabs) != 1:
            raise LayoutError("lanes need exactly one bpmn:collaboration, found %d" % len(collabs))
        collab = collabs[0]
        parts = collab.findall("{%s}participant" % BPMN_NS)
        others = [local(c.tag) for c in collab if isinstance(c.tag, str)
                  and local(c.tag) not in ("participant", "documentation", "extensionElements")]
        if len(parts) != 1 or parts[0].get("processRef") != self.process_id or others:
            raise LayoutError("only a collaboration with exactly one participant for process %s "
                              "(no message flows) is supported" % self.process_id)
        self.collaboration_id = collab.get("id")
        self.participant = (parts[0].get("id"), (parts[0].get("name") or "").strip())
        if len(lane_sets) != 1:
            raise LayoutError("expected exactly one bpmn:laneSet in the process, found %d" % len(lane_sets))
        for lane in lane_sets[0].findall("{%s}lane" % BPMN_NS):
            if lane.find("{%s}childLaneSet" % BPMN_NS) is not None:
                raise LayoutError("nested lanes (childLaneSet) are not supported")
            refs = [(r.text or "").strip() for r in lane.findall("{%s}flowNodeRef" % BPMN_NS)]
            for r in refs:
                if r in self.lane_of:
                    raise LayoutError("flow node %s is in two lanes" % r)
                self.lane_of[r] = lane.get("id")
            self.lanes.append((lane.get("id"), (lane.get("name") or "").strip(), refs))
        if not self.lanes:
            raise LayoutError("the lane set has no lanes")

    def eff(self, node_id):
        """Layout source of a node: boundary events stand for their host."""
        n = self.nodes[node_id]
        return n.attached_to if n.is_boundary else n.id

    def layout_out(self, node_id):
        """Outgoing flows in layering order: own flows, then those of attached boundary events."""
        res = list(self.out[node_id])
        for b in self.nodes[node_id].boundaries:
            res.extend(self.out[b.id])
        return res


# --------------------------------------------------------------------------------------------
# layout


def find_back_edges(m):
    layered = [n for n in m.node_order if not n.is_boundary]
    state = {}
    roots = [n.id for n in layered if n.type == "startEvent"]
    roots += [n.id for n in layered if not any(not f.back for f in m.inc[n.id])
              and n.type != "startEvent"]
    roots += [n.id for n in layered]
    for r in roots:
        if state.get(r):
            continue
        state[r] = 1
        stack = [(r, iter(m.layout_out(r)))]
        while stack:
            nid, it = stack[-1]
            for f in it:
                t = f.target
                st = state.get(t, 0)
                if st == 1:
                    f.back = True
                elif st == 0:
                    state[t] = 1
                    stack.append((t, iter(m.layout_out(t))))
                    break
            else:
                state[nid] = 2
                stack.pop()


def assign_layers(m):
    layered = [n for n in m.node_order if not n.is_boundary]
    preds = {n.id: [] for n in layered}
    succs = {n.id: [] for n in layered}
    for f in m.flow_order:
        if f.back:
            continue
        s = m.eff(f.source)
        preds[f.target].append(s)
        succs[s].append(f.target)
    indeg = {k: len(v) for k, v in preds.items()}
    ready = [n.id for n in layered if indeg[n.id] == 0]
    for nid in ready:
        m.nodes[nid].layer = 0
    done = 0
    while ready:
        nid = ready.pop(0)
        done += 1
        for t in succs[nid]:
            m.nodes[t].layer = max(m.nodes[t].layer or 0, m.nodes[nid].layer + 1)
            indeg[t] -= 1
            if indeg[t] == 0:
                ready.append(t)
    if done != len(layered):
        raise LayoutError("cycle left after removing back edges (internal error)")


class Grid:
    """Cells (layer, row): nodes, reserved cells and cells crossed by edge segments."""

    def __init__(self):
        self.node = {}
        self.h = {}        # cell -> set of target ids of horizontal edge segments through it
        self.v = set()     # cells crossed by vertical edge segments
        self.reserved = set()

    def cell_free_for_node(self, cell):
        return cell not in self.node and cell not in self.h and cell not in self.v \
            and cell not in self.reserved


def main_successor(m, nid):
    for f in m.out[nid]:
        if not f.back:
            return f.target
    return None


CHANNEL_COST = 4   # cost of routing an edge through the channel between rows
SHARE_COST = 1     # cost per cell where a horizontal run would share a row with another edge


def route_cells(m, f, src_pos, tgt_pos, tgt_id, grid):
    """Choose the routing style of forward flow f for the given cell positions.

    Returns (style, cells, cost) where cells is a list of ('h'|'v', cell) the route runs through.
    Styles whose cells hold a node are replaced by 'channel' (run between two rows)."""
    s = m.nodes[f.source]
    t = m.nodes[tgt_id]
    (ls, rs), (lt, rt) = src_pos, tgt_pos
    hs = [("h", (l, rt)) for l in range(ls + 1, lt)]

    def cost(cells):
        c = 0
        for k, cell in cells:
            if cell in grid.node:
                return None
            if k == "h" and grid.h.get(cell, set()) - {tgt_id}:
                c += SHARE_COST
        return c

    options = []
    if s.is_boundary:
        if rt > rs:
            options.append(("bdown", [("v", (ls, r)) for r in range(rs + 1, rt)] + [("h", (ls, rt))] + hs))
        else:
            options.append(("bunder", []))
    elif rt == rs:
        options.append(("straight", hs))
    elif rt > rs:
        if not s.boundaries:
            options.append(("down", [("v", (ls, r)) for r in range(rs + 1, rt)] + [("h", (ls, rt))] + hs))
        options.append(("gapdown", hs))
    else:  # target above the source: run along the source row, then up
        hs_src = [("h", (l, rs)) for l in range(ls + 1, lt)]
        if t.kind != "task":
            options.append(("upbottom", hs_src + [("h", (lt, rs))] + [("v", (lt, r)) for r in range(rt + 1, rs)]))
        options.append(("upgap", hs_src))
    best = None
    for style, cells in options:
        c = cost(cells)
        if c is not None and (best is None or c < best[2]):
            best = (style, cells, c)
        if c == 0:
            break
    if best is None:
        best = ("channel", [], CHANNEL_COST)
    return best


def assign_rows(m):
    grid = Grid()
    layered = [n for n in m.node_order if not n.is_boundary]
    by_layer = {}
    for n in layered:
        by_layer.setdefault(n.layer, []).append(n)

    for layer in sorted(by_layer):
        keyed = []
        for n in by_layer[layer]:
            inc = [f for f in m.inc[n.id] if not f.back]
            mains, others, idx = [], [], []
            for f in inc:
                es = m.nodes[m.eff(f.source)]
                if not m.nodes[f.source].is_boundary and main_successor(m, es.id) == n.id:
                    mains.append(es.row)
                else:
                    others.append(es.row + 1)
                idx.append(m.layout_out(es.id).index(f))
            if mains:
                key = (0, min(mains), min(idx), n.index)
            elif others:
                key = (1, min(others), min(idx), n.index)
            else:
                key = (0, 0, 0, n.index)
            keyed.append((key, n, inc))
        keyed.sort(key=lambda k: k[0])

        for key, n, inc in keyed:
            is_main, desired = key[0] == 0, key[1]
            best = None
            limit = desired + 2 + max([r for (_, r) in grid.node] + [0]) + len(by_layer[layer])
            for r in range(desired, limit):
                if not grid.cell_free_for_node((layer, r)):
                    continue
                floor = (r - desired) * (CHANNEL_COST if is_main else 1)
                if best is not None and floor >= best[0]:
                    break
                total = floor
                plans = []
                for f in inc:
                    es = m.nodes[m.eff(f.source)]
                    style, cells, c = route_cells(m, f, (es.layer, es.row), (layer, r), n.id, grid)
                    total += c
                    plans.append((f, style, cells))
                if best is None or total < best[0]:
                    best = (total, r, plans)
                if total == floor:
                    break
            _, r, plans = best
            n.row = r
            grid.node[(layer, r)] = n.id
            for f, style, cells in plans:
                f.style = style
                for k, cell in cells:
                    if k == "h":
                        grid.h.setdefault(cell, set()).add(n.id)
                    else:
                        grid.v.add(cell)
            # keep the cell below free for branches leaving downwards
            fwd_out = [f for f in m.out[n.id] if not f.back]
            main = main_successor(m, n.id)
            boundary_targets = [f.target for b in n.boundaries for f in m.out[b.id]]
            if len(fwd_out) > 1 or any(t != main for t in boundary_targets):
                grid.reserved.add((layer, r + 1))
    return grid


def text_width(s):
    w = 0.0
    for ch in s:
        o = ord(ch)
        if o >= 0x2E80 or 0xFF00 <= o <= 0xFFEF:
            w += 11.0
        elif ch == " ":
            w += 3.0
        elif ch.isupper() or ch in "mwMW@%":
            w += 7.5
        else:
            w += 6.0
    return w


def wrap(text, max_w):
    lines, cur = [], ""
    for ch in text:
        if cur and text_width(cur + ch) > max_w:
            lines.append(cur)
            cur = ch.lstrip()
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines or [""]


def label_size(text, max_w=LABEL_MAX_W):
    lines = wrap(text, max_w)
    w = int(max(text_width(l) for l in lines)) + 4
    return min(max(w, 20), max_w + 4), LINE_H * len(lines)


def compute_geometry(m):
    layered = [n for n in m.node_order if not n.is_boundary]
    for n in layered:
        cx = X0 + COL * n.layer
        cy = Y0 + ROW * n.row
        n.x, n.y = cx - n.w // 2, cy - n.h // 2
    for host in layered:
        k = len(host.boundaries)
        step = min(44, host.w // max(k, 1))
        for i, b in enumerate(host.boundaries):
            # the first boundary event (whose target gets the upper row) is the rightmost one,
            # so that the edges dropping from the others do not cross its horizontal run
            bcx = host.cx + int(((k - 1) / 2 - i) * step)
            b.x, b.y = bcx - b.w // 2, host.bottom - b.h // 2
    max_row = max(n.row for n in layered)
    lowest = max(n.bottom for n in m.node_order)
    # labels below events on the lowest row push back edges further down
    lowest += 30 if any(n.kind == "event" and n.name and n.row == max_row for n in layered) else 0
    col_x = lambda l: X0 + COL * l
    occupied = {(n.layer, n.row) for n in layered}

    def column_free_below(layer, row):
        return all((layer, r) not in occupied for r in range(row + 1, max_row + 1))

    back_i = 0
    for f in m.flow_order:
        s, t = m.nodes[f.source], m.nodes[f.target]
        if f.source == f.target:
            y = s.bottom + 25
            gx = s.x - 25
            f.style = "back"
            f.waypoints = [(s.cx, s.bottom), (s.cx, y), (gx, y), (gx, s.cy), (s.x, s.cy)]
            continue
        if f.back:
            y = lowest + BACK_EDGE_GAP + BACK_EDGE_STEP * back_i
            back_i += 1
            host = m.nodes[m.eff(s.id)]
            pts = []
            if s.is_boundary or (column_free_below(host.layer, host.row) and not s.boundaries):
                pts += [(s.cx, s.bottom), (s.cx, y)]
            else:
                gx = col_x(s.layer) + COL // 2 - GAP_SHIFT
                pts += [(s.right, s.cy), (gx, s.cy), (gx, y)]
            if column_free_below(t.layer, t.row) and not t.boundaries:
                pts += [(t.cx, y), (t.cx, t.bottom)]
            else:
                gx = col_x(t.layer) - COL // 2
                pts += [(gx, y), (gx, t.cy), (t.x, t.cy)]
            f.style = "back"
            f.waypoints = pts
            continue
        st = f.style
        if st == "straight":
            pts = [(s.right, s.cy), (t.x, t.cy)]
        elif st == "down":
            pts = [(s.cx, s.bottom), (s.cx, t.cy), (t.x, t.cy)]
        elif st == "gapdown":
            gx = col_x(s.layer) + COL // 2
            pts = [(s.right, s.cy), (gx, s.cy), (gx, t.cy), (t.x, t.cy)]
        elif st == "upbottom":
            pts = [(s.right, s.cy), (t.cx, s.cy), (t.cx, t.bottom)]
        elif st == "upgap":
            gx = col_x(t.layer) - COL // 2 + GAP_SHIFT
            pts = [(s.right, s.cy), (gx, s.cy), (gx, t.cy), (t.x, t.cy)]
        elif st == "bdown":
            pts = [(s.cx, s.bottom), (s.cx, t.cy), (t.x, t.cy)]
        elif st == "channel":
            # run between two rows: the one above the target row, or below the source row
            if t.row > m.nodes[m.eff(s.id)].row:
                ych = Y0 + ROW * t.row - ROW // 2
            elif t.row < m.nodes[m.eff(s.id)].row:
                ych = Y0 + ROW * m.nodes[m.eff(s.id)].row - ROW // 2
            else:
                ych = Y0 + ROW * t.row + ROW // 2
            gin = col_x(t.layer) - COL // 2 + GAP_SHIFT
            if s.is_boundary:
                pts = [(s.cx, s.bottom), (s.cx, ych)]
            else:
                gout = col_x(s.layer) + COL // 2 - GAP_SHIFT
                pts = [(s.right, s.cy), (gout, s.cy), (gout, ych)]
            pts += [(gin, ych), (gin, t.cy), (t.x, t.cy)]
        elif st == "bunder":
            y = s.bottom + 20
            if t.kind != "task" and t.cx > s.cx:
                pts = [(s.cx, s.bottom), (s.cx, y), (t.cx, y), (t.cx, t.bottom)]
            else:
                gx = col_x(t.layer) - COL // 2 + GAP_SHIFT
                pts = [(s.cx, s.bottom), (s.cx, y), (gx, y), (gx, t.cy), (t.x, t.cy)]
        else:
            raise LayoutError("flow %s was not routed (internal error)" % f.id)
        # drop zero-length / collinear duplicates
        f.waypoints = simplify(pts)


def simplify(pts):
    out = []
    for p in pts:
        if out and out[-1] == p:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (a[0] == b[0] == p[0]) or (a[1] == b[1] == p[1]):
                out[-1] = p
                continue
        out.append(p)
    return out


def compute_labels(m, avoid_edges=False):
    """External labels.  With avoid_edges (lane layout) labels also keep off the edges."""
    labels = {}
    segs = [(p, q) for f in m.flow_order for p, q in zip(f.waypoints, f.waypoints[1:])] \
        if avoid_edges else []

    def off_edges(box):
        return not any(seg_hits_box(p, q, box) for p, q in segs)

    for n in m.node_order:
        if not n.name or n.kind == "task":
            continue
        w, h = label_size(n.name)
        if avoid_edges and not n.is_boundary:
            shapes_now = [(o.x, o.y, o.w, o.h) for o in m.node_order]
            cands = [(n.cx - w // 2, n.y - 6 - h, w, h), (n.cx - w // 2, n.bottom + 6, w, h),
                     (n.right + 2, n.y - 2 - h, w, h), (n.x - 2 - w, n.y - 2 - h, w, h),
                     (n.right + 2, n.bottom + 2, w, h), (n.x - 2 - w, n.bottom + 2, w, h)]
            if n.kind != "gateway":
                cands.insert(0, cands.pop(1))
            labels[n.id] = next((c for c in cands if off_edges(c) and not any(
                overlaps(c, o) for o in shapes_now + list(labels.values()))), cands[0])
            continue
        if n.is_boundary:
            sibs = m.nodes[n.attached_to].boundaries
            i = sibs.index(n)
            if i == 0:                       # right of the rightmost boundary event
                labels[n.id] = (n.right + 2, n.y + n.h // 2 + 2, w, h)
            elif i == len(sibs) - 1:         # left of the leftmost one
                labels[n.id] = (n.x - 2 - w, n.y + n.h // 2 + 2, w, h)
            else:                            # middle ones: below
                labels[n.id] = (n.cx + 4, n.bottom + 2 + LINE_H * (i - 1), w, h)
        elif n.kind == "gateway":
            labels[n.id] = (n.cx - w // 2, n.y - 6 - h, w, h)
        else:
            labels[n.id] = (n.cx - w // 2, n.bottom + 6, w, h)
    shapes = [(n.x, n.y, n.w, n.h) for n in m.node_order]

    def free(box):
        return not any(overlaps(box, o) for o in shapes + list(labels.values())) and off_edges(box)

    for f in m.flow_order:
        if not f.name:
            continue
        (x0, y0), (x1, y1) = f.waypoints[0], f.waypoints[1]
        cands = []
        if y0 == y1:   # first segment horizontal: label above it (or below)
            room = abs(x1 - x0) - 10
            w, h = label_size(f.name, max(40, min(LABEL_MAX_W, room)))
            lx = min(x0, x1) + 6
            cands += [(lx, y0 - 4 - h - LINE_H * k, w, h) for k in range(4)]
            cands += [(lx, y0 + 4 + LINE_H * k, w, h) for k in range(3)]
        else:          # vertical: label to the right of it (or left)
            w, h = label_size(f.name)
            sign = 1 if y1 > y0 else -1
            for k in range(5):
                y = y0 + 6 + LINE_H * k if sign > 0 else y0 - 6 - h - LINE_H * k
                cands += [(x0 + 6, y, w, h), (x0 - 6 - w, y, w, h)]
        if avoid_edges:
            # lane layout: also try beside the later segments, at full label width
            w, h = label_size(f.name)
            for (ax, ay), (bx, by) in list(zip(f.waypoints, f.waypoints[1:]))[:3]:
                if ay == by and abs(bx - ax) > 30:
                    lx = min(ax, bx) + 6
                    cands += [(lx, ay - 4 - h, w, h), (lx, ay + 4, w, h),
                              (max(ax, bx) - 6 - w, ay - 4 - h, w, h), (max(ax, bx) - 6 - w, ay + 4, w, h)]
                elif ax == bx and abs(by - ay) > 30:
                    ly = min(ay, by) + 6
                    cands += [(ax + 6, ly, w, h), (ax - 6 - w, ly, w, h),
                              (ax + 6, max(ay, by) - 6 - h, w, h), (ax - 6 - w, max(ay, by) - 6 - h, w, h)]
        labels[f.id] = next((c for c in cands if free(c)), cands[0])
    return labels


# --------------------------------------------------------------------------------------------
# lane layout (a collaboration with one participant whose process has a lane set)
#
# Lanes are horizontal bands in lane-set order.  Columns come from the layers, compacted: a flow
# into another lane may keep the column of its source (the edge then runs vertically), a flow
# within a lane advances one column.  Inside its lane a node takes the sub-row of its main
# predecessor when free, else the next free one.  When the columns get wider than the screen the
# diagram wraps: the columns are cut into segments drawn below each other inside every lane.  Edges
# are routed by trying orthogonal candidates (straight, L, Z through a gap between columns, U
# through a channel between sub-rows) and taking the cheapest one that crosses no shape.

L_GAP = 50          # horizontal gap between two columns' widest shapes
L_ROW = 100         # sub-row pitch inside a lane
L_PAD = 8          # padding above the first and below the last sub-row of a lane block
L_SEG_GAP = 8      # extra space between the blocks of two wrapped segments inside a lane
L_HEADER = 30       # width of the participant's and of each lane's label strip (bpmn-js)
L_X0 = 160          # left edge of the participant
L_Y0 = 80           # top edge of the participant
L_LEFT = 40         # space between the lane label strip and the first column's shapes
SCREEN_W, SCREEN_H = 1600, 900   # the screen the wrapping aims at (zoom needed to fit it)
MAX_SEGMENTS = 4
NEW_ROW_COST = 7


def lane_place(m):
    """Assign m.nodes[*].col and .row (sub-row inside its lane)."""
    lane_idx = {lid: i for i, (lid, _, _) in enumerate(m.lanes)}
    layered = [n for n in m.node_order if not n.is_boundary]
    occupied = {}          # (col, lane, row) -> node id
    blocked = set()        # (col, lane, row) crossed by a vertical or horizontal run
    max_row = {lid: 0 for lid, _, _ in m.lanes}

    def lane_rows(lid):
        return range(0, max_row[lid] + 2)

    def vertical_cells(col, l1, r1, l2, r2):
        """Cells strictly between (l1, r1) and (l2, r2) in one column (l1 above l2)."""
        cells = []
        for r in range(r1 + 1, max_row[m.lanes[l1][0]] + 3):
            cells.append((col, m.lanes[l1][0], r))
        for li in range(l1 + 1, l2):
            lid = m.lanes[li][0]
            for r in range(0, max_row[lid] + 3):
                cells.append((col, lid, r))
        for r in range(0, r2):
            cells.append((col, m.lanes[l2][0], r))
        return cells

    order = sorted(layered, key=lambda n: (n.layer, n.index))
    for n in order:
        lid = m.lane_of[n.id]
        li = lane_idx[lid]
        inc = [f for f in m.inc[n.id] if not f.back]
        preds = [(f, m.nodes[m.eff(f.source)]) for f in inc]
        col_min = 0
        for f, p in preds:
            d = 0 if m.lane_of[p.id] != lid else 1
            col_min = max(col_min, p.col + d)
        main_pred = next((p for f, p in preds if not m.nodes[f.source].is_boundary
                          and main_successor(m, p.id) == n.id and m.lane_of[p.id] == lid), None)
        desired = main_pred.row if main_pred is not None else 0
        best = None
        for c in range(col_min, col_min + 4):
            for r in lane_rows(lid):
                cell = (c, lid, r)
                if cell in occupied or cell in blocked:
                    continue
                cost = 3 * (c - col_min) + 2 * abs(r - desired) + 0.5 * r
                if r > max_row[lid] and any(m.lane_of[o] == lid for o in occupied.values()):
                    cost += NEW_ROW_COST   # a new sub-row makes the whole lane taller
                runs = []
                ok = True
                for f, p in preds:
                    pl = m.lane_of[p.id]
                    if pl != lid and p.col == c:
                        a, b = (lane_idx[pl], p.row), (li, r)
                        top, bot = (a, b) if a[0] < b[0] else (b, a)
                        cells = vertical_cells(c, top[0], top[1], bot[0], bot[1])
                        if any(x in occupied for x in cells):
                            ok = False
                            break
                        runs += cells
                    elif pl == lid and p.row == r and p.col < c:
                        cells = [(x, lid, r) for x in range(p.col + 1, c)]
                        if any(x in occupied for x in cells):
                            cost += 4
                        else:
                            runs += cells
                    elif pl == lid and p.col == c:
                        ok = False
                        break
                if not ok:
                    continue
                if best is None or cost < best[0]:
                    best = (cost, c, r, runs)
        if best is None:
            raise LayoutError("no place found for %s (internal error)" % n.id)
        _, c, r, runs = best
        n.col, n.row = c, r
        occupied[(c, lid, r)] = n.id
        blocked.update(runs)
        max_row[lid] = max(max_row[lid], r)
        # keep the cell below a branching node free for a branch leaving downwards
        if len([f for f in m.layout_out(n.id) if not f.back]) > 1:
            blocked.add((c, lid, r + 1))
    for b in m.node_order:
        if b.is_boundary:
            h = m.nodes[b.attached_to]
            b.col, b.row = h.col, h.row


def lane_geometry(m, segments):
    """Place shapes for the given number of wrap segments; return (lane boxes, participant box)."""
    layered = [n for n in m.node_order if not n.is_boundary]
    ncols = 1 + max(n.col for n in layered)
    widths = [0] * ncols
    for n in layered:
        widths[n.col] = max(widths[n.col], n.w)
    widths = [w or 36 for w in widths]
    xs, x = [], 0
    for w in widths:
        xs.append(x + w // 2)
        x += w + L_GAP
    total = x - L_GAP
    # cut into segments of about equal width, each cut where the fewest flows cross it
    spans = [tuple(sorted((m.nodes[m.eff(f.source)].col, m.nodes[f.target].col))) for f in m.flow_order]
    seg_start = [0]
    for j in range(1, segments):
        target = total * j / float(segments)
        tol = total / float(segments) * 0.2
        cands = [c for c in range(seg_start[-1] + 1, ncols)
                 if abs(xs[c] - widths[c] // 2 - target) <= tol]
        if not cands:
            cands = [min(range(seg_start[-1] + 1, ncols), key=lambda c: abs(xs[c] - target))] \
                if seg_start[-1] + 1 < ncols else []
        if not cands:
            break
        cut = min(cands, key=lambda c: (sum(1 for a, b in spans if a < c <= b),
                                        abs(xs[c] - widths[c] // 2 - target), c))
        seg_start.append(cut)
    seg_of_col = [max(j for j, st in enumerate(seg_start) if st <= c) for c in range(ncols)]
    nseg = len(seg_start)
    seg_left = [xs[seg_start[j]] - widths[seg_start[j]] // 2 for j in range(nseg)]
    content_x = L_X0 + 2 * L_HEADER + L_LEFT
    rows = {}
    for n in layered:
        key = (m.lane_of[n.id], seg_of_col[n.col])
        rows[key] = max(rows.get(key, 0), n.row + 1)
    lane_boxes, block_top = [], {}
    y = L_Y0
    for lid, name, _ in m.lanes:
        top = y
        y += L_PAD
        for j in range(nseg):
            if j:
                y += L_SEG_GAP
            block_top[(lid, j)] = y
            y += L_ROW * max(1, rows.get((lid, j), 0))
        y += L_PAD
        lane_boxes.append((lid, name, top, y - top))
    width_used = max(xs[c] + widths[c] // 2 - seg_left[seg_of_col[c]] for c in range(ncols))
    right = content_x + width_used + L_LEFT
    for n in layered:
        j = seg_of_col[n.col]
        cx = content_x + xs[n.col] - seg_left[j]
        cy = block_top[(m.lane_of[n.id], j)] + L_ROW * n.row + L_ROW // 2
        n.x, n.y = cx - n.w // 2, cy - n.h // 2
        n.seg = j
    for host in layered:
        k = len(host.boundaries)
        step = min(44, host.w // max(k, 1))
        for i, b in enumerate(host.boundaries):
            bcx = host.cx + int(((k - 1) / 2 - i) * step)
            b.x, b.y = bcx - b.w // 2, host.bottom - b.h // 2
            b.seg = host.seg
    # channels: gaps between columns and between sub-rows
    gaps = set()
    for c in range(ncols):
        j = seg_of_col[c]
        gx = content_x + xs[c] - seg_left[j] + widths[c] // 2 + L_GAP // 2
        gaps.add(gx)
        if c == seg_start[j]:
            gaps.add(content_x - L_LEFT // 2)
    chans = set()
    for (lid, j), t in block_top.items():
        for r in range(0, max(1, rows.get((lid, j), 0))):
            cy = t + L_ROW * r + L_ROW // 2
            chans.add(cy - L_ROW // 2 + 2)    # above the row's shapes
            chans.add(cy + L_ROW // 2 + 4)    # below them, clear of boundary events
    participant = (L_X0, L_Y0, right - L_X0, y - L_Y0)
    lanes = [(lid, name, (L_X0 + L_HEADER, top, right - L_X0 - L_HEADER, h)) for lid, name, top, h in lane_boxes]
    return lanes, participant, sorted(gaps), sorted(chans)


def seg_hits_box(p, q, box, pad=0):
    x0, x1 = sorted((p[0], q[0]))
    y0, y1 = sorted((p[1], q[1]))
    bx, by, bw, bh = box
    return x0 < bx + bw - pad and x1 > bx + pad and y0 < by + bh - pad and y1 > by + pad


def overlap_len(a, b):
    """Length of collinear overlap of two axis-parallel segments."""
    (p, q), (r, s) = a, b
    if p[0] == q[0] == r[0] == s[0]:
        lo = max(min(p[1], q[1]), min(r[1], s[1]))
        hi = min(max(p[1], q[1]), max(r[1], s[1]))
        return max(0, hi - lo)
    if p[1] == q[1] == r[1] == s[1]:
        lo = max(min(p[0], q[0]), min(r[0], s[0]))
        hi = min(max(p[0], q[0]), max(r[0], s[0]))
        return max(0, hi - lo)
    return 0


def crosses(a, b):
    (p, q), (r, s) = a, b
    if p[1] == q[1] and r[0] == s[0]:
        return min(p[0], q[0]) < r[0] < max(p[0], q[0]) and min(r[1], s[1]) < p[1] < max(r[1], s[1])
    if p[0] == q[0] and r[1] == s[1]:
        return crosses(b, a)
    return False


def lane_route(m, gaps, chans):
    routed = []   # (flow, segments)
    flows = [f for f in m.flow_order if not f.back] + [f for f in m.flow_order if f.back]
    for f in flows:
        s, t = m.nodes[f.source], m.nodes[f.target]
        # source and target count too: a route leaves and enters them on their edge only
        obstacles = [(n.id, (n.x, n.y, n.w, n.h)) for n in m.node_order]
        if s.is_boundary:
            exits = [("b", (s.cx, s.bottom))]
        else:
            exits = [("r", (s.right, s.cy)), ("b", (s.cx, s.bottom)), ("t", (s.cx, s.y))]
        if s.boundaries:
            exits = exits[:1] + exits[2:]
        entries = [("l", (t.x, t.cy)), ("t", (t.cx, t.y))]
        if not t.boundaries:
            entries.append(("b", (t.cx, t.bottom)))
        cands = []
        for ek, ep in exits:
            for nk, np_ in entries:
                if ek == "r" and nk == "l" and ep[1] == np_[1] and np_[0] > ep[0]:
                    cands.append([ep, np_])
                if ek in "bt" and nk in "bt" and ep[0] == np_[0]:
                    cands.append([ep, np_])
                if ek == "r" and nk in "bt":
                    cands.append([ep, (np_[0], ep[1]), np_])
                if ek in "bt" and nk == "l":
                    cands.append([ep, (ep[0], np_[1]), np_])
                if ek == "r" and nk == "l":
                    for gx in gaps:
                        cands.append([ep, (gx, ep[1]), (gx, np_[1]), np_])
                for y in chans:
                    if ek == "r":
                        heads = [[ep, (gx, ep[1]), (gx, y)] for gx in gaps if gx > ep[0]
                                 and gx - ep[0] <= L_GAP + 40]
                    else:
                        heads = [[ep, (ep[0], y)]]
                    for h in heads:
                        if nk == "l":
                            for gx in gaps:
                                if gx < np_[0] and np_[0] - gx <= L_GAP + 40:
                                    cands.append(h + [(gx, y), (gx, np_[1]), np_])
                        else:
                            cands.append(h + [(np_[0], y), np_])
        best = None
        for pts in cands:
            pts = simplify(pts)
            if len(pts) < 2 or not valid_route(pts, s, t):
                continue
            segs = list(zip(pts, pts[1:]))
            cost = 0
            for a, b in segs:
                for oid, box in obstacles:
                    if seg_hits_box(a, b, box):
                        cost += 10000
            length = sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in segs)
            cost += 40 * (len(segs) - 1) + length / 10.0
            for g, osegs in routed:
                shared = g.source == f.source or g.target == f.target
                for sg in segs:
                    for og in osegs:
                        if not shared:
                            cost += 2 * overlap_len(sg, og)
                            if crosses(sg, og):
                                cost += 15
            if best is None or cost < best[0]:
                best = (cost, pts)
        f.waypoints = best[1]
        f.style = "lane"
        routed.append((f, list(zip(best[1], best[1][1:]))))


def valid_route(pts, s, t):
    (x0, y0), (x1, y1) = pts[0], pts[1]
    if x0 == s.right and y0 == s.cy and not x1 > x0:
        return False
    if y0 == s.bottom and x0 == s.cx and not y1 > y0:
        return False
    if y0 == s.y and x0 == s.cx and not y1 < y0:
        return False
    (a0, b0), (a1, b1) = pts[-2], pts[-1]
    if a1 == t.x and b1 == t.cy and not a0 < a1:
        return False
    if b1 == t.y and a1 == t.cx and not b0 < b1:
        return False
    if b1 == t.bottom and a1 == t.cx and not b0 > b1:
        return False
    for p, q in zip(pts, pts[1:]):
        if p[0] != q[0] and p[1] != q[1]:
            return False
    # no immediate reversal
    for a, b, c in zip(pts, pts[1:], pts[2:]):
        if (a[0] == b[0] == c[0] and (b[1] - a[1]) * (c[1] - b[1]) < 0) or \
                (a[1] == b[1] == c[1] and (b[0] - a[0]) * (c[0] - b[0]) < 0):
            return False
    return True


def layout_lanes(m):
    find_back_edges(m)
    assign_layers(m)
    lane_place(m)
    best = None
    for k in range(1, MAX_SEGMENTS + 1):
        lanes, part, gaps, chans = lane_geometry(m, k)
        # zoom needed to fit the screen (capped at 1: once it fits, fewer segments read better)
        zoom = min(1.0, SCREEN_W / float(part[2] + 2 * L_X0 // 4), SCREEN_H / float(part[3] + L_Y0))
        if best is None or zoom > best[0] + 0.02:
            best = (zoom, k)
    m.segments = best[1]
    m.fit_zoom = best[0]
    m.lane_boxes, m.participant_box, gaps, chans = lane_geometry(m, best[1])
    lane_route(m, gaps, chans)
    return compute_labels(m, avoid_edges=True)


def layout(m):
    if not m.node_order:
        raise LayoutError("process has no flow nodes")
    if m.lanes:
        return layout_lanes(m)
    find_back_edges(m)
    assign_layers(m)
    assign_rows(m)
    compute_geometry(m)
    return compute_labels(m)


# --------------------------------------------------------------------------------------------
# serialisation / text surgery


def ns_prefixes(text):
    """Prefixes declared on the root element for the DI namespaces (None if undeclared)."""
    m = re.search(r"<(?:[\w.-]+:)?definitions\b[^>]*>", text)
    if not m:
        raise LayoutError("no definitions start tag found")
    decls = dict()
    for p, uri in re.findall(r'\sxmlns(?::([\w.-]+))?\s*=\s*["\']([^"\']*)["\']', m.group(0)):
        decls.setdefault(uri, p)
    return {uri: decls.get(uri) for uri in (BPMNDI_NS, DC_NS, DI_NS)}


def diagram_xml(m, labels, prefixes, indent, nl):
    def q(uri, name):
        p = prefixes.get(uri)
        return "%s:%s" % (p, name) if p else name

    extra = ""
    fallback = {BPMNDI_NS: "bpmndi", DC_NS: "dc", DI_NS: "di"}
    for uri, p in prefixes.items():
        if p is None:
            prefixes[uri] = fallback[uri]
            extra += ' xmlns:%s="%s"' % (fallback[uri], uri)
    D, PL, SH, ED, LB = (q(BPMNDI_NS, x) for x in
                         ("BPMNDiagram", "BPMNPlane", "BPMNShape", "BPMNEdge", "BPMNLabel"))
    BD, WP = q(DC_NS, "Bounds"), q(DI_NS, "waypoint")
    i1, i2, i3, i4 = (indent * k for k in (1, 2, 3, 4))
    pid = escape(m.process_id, {'"': "&quot;"})
    out = ['%s<%s id="BPMNDiagram_%s"%s>' % (i1, D, pid, extra),
           '%s<%s id="BPMNPlane_%s" bpmnElement="%s">' % (
               i2, PL, pid, escape(m.collaboration_id, {'"': "&quot;"}) if m.lanes else pid)]

    def bounds(ind, b):
        return '%s<%s x="%d" y="%d" width="%d" height="%d"/>' % ((ind, BD) + tuple(b))

    def label(eid):
        if eid not in labels:
            return []
        return ["%s<%s>" % (i4, LB), bounds(i4 + indent, labels[eid]), "%s</%s>" % (i4, LB)]

    if m.lanes:
        boxes = [(m.participant[0], m.participant_box)] + [(lid, box) for lid, _, box in m.lane_boxes]
        for eid, box in boxes:
            out.append('%s<%s id="%s_di" bpmnElement="%s" isHorizontal="true">' % (i3, SH, eid, eid))
            out.append(bounds(i4, box))
            out.append("%s</%s>" % (i3, SH))
    for n in m.node_order:
        marker = ' isMarkerVisible="true"' if n.type == "exclusiveGateway" else ""
        out.append('%s<%s id="%s_di" bpmnElement="%s"%s>' % (i3, SH, n.id, n.id, marker))
        out.append(bounds(i4, (n.x, n.y, n.w, n.h)))
        out += label(n.id)
        out.append("%s</%s>" % (i3, SH))
    for f in m.flow_order:
        out.append('%s<%s id="%s_di" bpmnElement="%s">' % (i3, ED, f.id, f.id))
        for x, y in f.waypoints:
            out.append('%s<%s x="%d" y="%d"/>' % (i4, WP, x, y))
        out += label(f.id)
        out.append("%s</%s>" % (i3, ED))
    out += ["%s</%s>" % (i2, PL), "%s</%s>" % (i1, D)]
    return nl.join(out) + nl


DIAGRAM_RE = re.compile(
    r"<(?P<p>(?:[\w.-]+:)?)BPMNDiagram\b(?:[^>]*?/>|.*?</(?P=p)BPMNDiagram\s*>)", re.S)


def strip_diagrams(text):
    while True:
        mt = DIAGRAM_RE.search(text)
        if not mt:
            return text
        start, end = mt.start(), mt.end()
        s = start
        while s > 0 and text[s - 1] in " \t":
            s -= 1
        if s == 0 or text[s - 1] == "\n":
            start = s
            e = end
            while e < len(text) and text[e] in " \t":
                e += 1
            if text.startswith("\r\n", e):
                e += 2
            elif text.startswith("\n", e):
                e += 1
            end = e
        text = text[:start] + text[end:]


def regenerate(text):
    """Return (new_text, model) for the given file content."""
    nl = "\r\n" if "\r\n" in text else "\n"
    base = strip_diagrams(text)
    m = Model(base.encode("utf-8"))
    for n in m.node_order + [type("X", (), {"id": e})() for e in
                             ([m.participant[0]] + [l[0] for l in m.lanes] if m.lanes else [])]:
        if n.id + "_di" in m.all_ids:
            raise LayoutError("id %s_di already used in the semantic part" % n.id)
    labels = layout(m)
    pm = re.search(r"^([ \t]*)<(?:[\w.-]+:)?process\b", base, re.M)
    indent = pm.group(1) if pm and pm.group(1) else "  "
    block = diagram_xml(m, labels, ns_prefixes(base), indent, nl)
    closes = list(re.finditer(r"</(?:[\w.-]+:)?definitions\s*>", base))
    if not closes:
        raise LayoutError("no closing definitions tag found")
    pos = closes[-1].start()
    ls = pos
    while ls > 0 and base[ls - 1] in " \t":
        ls -= 1
    if ls == 0 or base[ls - 1] == "\n":
        new = base[:ls] + block + base[ls:]
    else:
        new = base[:pos] + nl + block + base[pos:]
    return new, m


# --------------------------------------------------------------------------------------------
# verification


def read_di(text):
    root = ET.fromstring(text.encode("utf-8"))
    proc = root.find("{%s}process" % BPMN_NS)
    shapes, edges = {}, {}
    counts = {}
    for el in root.iter():
        t = el.tag
        if t in ("{%s}BPMNShape" % BPMNDI_NS, "{%s}BPMNEdge" % BPMNDI_NS):
            ref = el.get("bpmnElement")
            counts[ref] = counts.get(ref, 0) + 1
            lb = el.find("{%s}BPMNLabel/{%s}Bounds" % (BPMNDI_NS, DC_NS))
            lab = tuple(int(float(lb.get(k))) for k in ("x", "y", "width", "height")) if lb is not None else None
            if t.endswith("BPMNShape"):
                b = el.find("{%s}Bounds" % DC_NS)
                shapes[ref] = (tuple(int(float(b.get(k))) for k in ("x", "y", "width", "height")), lab)
            else:
                pts = [(int(float(w.get("x"))), int(float(w.get("y"))))
                       for w in el.findall("{%s}waypoint" % DI_NS)]
                edges[ref] = (pts, lab)
    return root, proc, shapes, edges, counts


def overlaps(a, b, pad=0):
    return a[0] < b[0] + b[2] + pad and b[0] < a[0] + a[2] + pad and \
        a[1] < b[1] + b[3] + pad and b[1] < a[1] + a[3] + pad


def verify(text):
    """Return (problems, warnings, stats)."""
    root, proc, shapes, edges, counts = read_di(text)
    problems, warnings = [], []
    nodes, flows, host_of = [], [], {}
    for el in proc:
        if not isinstance(el.tag, str):
            continue
        t = local(el.tag)
        if t in FLOW_NODE_TYPES:
            nodes.append(el.get("id"))
            if el.get("attachedToRef"):
                host_of[el.get("id")] = el.get("attachedToRef")
        elif t == "sequenceFlow":
            flows.append(el.get("id"))
    for eid in nodes + flows:
        if counts.get(eid, 0) != 1:
            problems.append("%s has %d DI elements" % (eid, counts.get(eid, 0)))
    lane_els = {}
    for el in root.iter():
        if el.tag in ("{%s}participant" % BPMN_NS, "{%s}lane" % BPMN_NS):
            lane_els[el.get("id")] = el
    for eid in lane_els:
        if counts.get(eid, 0) != 1:
            problems.append("%s has %d DI elements" % (eid, counts.get(eid, 0)))
    for eid, el in lane_els.items():
        if el.tag.endswith("}lane") and eid in shapes:
            lb = shapes[eid][0]
            for r in el.findall("{%s}flowNodeRef" % BPMN_NS):
                nb = shapes.get((r.text or "").strip())
                if nb and not (lb[0] <= nb[0][0] and nb[0][0] + nb[0][2] <= lb[0] + lb[2]
                               and lb[1] <= nb[0][1] and nb[0][1] + nb[0][3] <= lb[1] + lb[3]):
                    problems.append("shape %s lies outside its lane %s" % (r.text.strip(), eid))
    for eid in lane_els:
        shapes.pop(eid, None)
    for ref in counts:
        if ref in lane_els:
            continue
        if ref not in nodes and ref not in flows:
            problems.append("DI element for unknown/unsupported element %s" % ref)
    diagrams = root.findall("{%s}BPMNDiagram" % BPMNDI_NS)
    if len(diagrams) != 1 or list(root)[-1] is not diagrams[0]:
        problems.append("expected exactly one BPMNDiagram as the last child of definitions")
    ids = sorted(shapes)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if host_of.get(a) == b or host_of.get(b) == a:
                continue
            if overlaps(shapes[a][0], shapes[b][0]):
                problems.append("shapes %s and %s overlap" % (a, b))
    # soft checks: labels against shapes and other labels, edges through shapes
    labels = [(k, v[1]) for k, v in list(shapes.items()) + list(edges.items()) if v[1]]
    for i, (a, la) in enumerate(labels):
        for b, sb in shapes.items():
            if b != a and host_of.get(a) != b and overlaps(la, sb[0]):
                warnings.append("label of %s overlaps shape %s" % (a, b))
        for b, lb in labels[i + 1:]:
            if overlaps(la, lb):
                warnings.append("labels of %s and %s overlap" % (a, b))
    flow_ends = {}
    for el in proc:
        if isinstance(el.tag, str) and local(el.tag) == "sequenceFlow":
            flow_ends[el.get("id")] = (el.get("sourceRef"), el.get("targetRef"))
    for fid, (pts, _) in edges.items():
        src, tgt = flow_ends.get(fid, (None, None))
        for p, q2 in zip(pts, pts[1:]):
            if p[0] != q2[0] and p[1] != q2[1]:
                warnings.append("edge %s has a diagonal segment" % fid)
            seg = (min(p[0], q2[0]), min(p[1], q2[1]), abs(p[0] - q2[0]) or 1, abs(p[1] - q2[1]) or 1)
            for sid, (sb, _) in shapes.items():
                if sid in (src, tgt, host_of.get(src)):
                    continue
                inner = (sb[0] + 1, sb[1] + 1, sb[2] - 2, sb[3] - 2)
                if overlaps(seg, inner):
                    warnings.append("edge %s crosses shape %s" % (fid, sid))
    return problems, warnings, (len(nodes), len(flows), len(shapes), len(edges))


# --------------------------------------------------------------------------------------------
# rendering (for eyeballing only)


def render_svg(text):
    root, proc, shapes, edges, _ = read_di(text)
    info = {}
    for el in proc:
        if isinstance(el.tag, str):
            info[el.get("id")] = el
    xs = [b[0] + b[2] for b, _ in shapes.values()] + [x for pts, _ in edges.values() for x, _ in pts]
    ys = [b[1] + b[3] for b, _ in shapes.values()] + [y for pts, _ in edges.values() for _, y in pts]
    for v in list(shapes.values()) + list(edges.values()):
        if v[1]:
            xs.append(v[1][0] + v[1][2])
            ys.append(v[1][1] + v[1][3])
    W, H = max(xs) + 60, max(ys) + 60
    font = "WenQuanYi Zen Hei, Noto Sans CJK SC, Arial, sans-serif"
    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">' % (W, H, W, H),
         '<defs><marker id="a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
         'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#222"/></marker></defs>',
         '<rect width="100%" height="100%" fill="white"/>']

    def text_block(x, y, w, s, size, center_v_h=None):
        lines = wrap(s, w * 11.0 / size)
        lh = size * 1.25
        if center_v_h is not None:
            y = y + (center_v_h - lh * len(lines)) / 2
        res = []
        for i, line in enumerate(lines):
            res.append('<text x="%.1f" y="%.1f" font-size="%d" font-family="%s" text-anchor="middle">%s</text>'
                       % (x + w / 2, y + lh * (i + 1) - 3, size, font, escape(line)))
        return res

    pools = {el.get("id"): el for el in root.iter()
             if el.tag in ("{%s}participant" % BPMN_NS, "{%s}lane" % BPMN_NS)}
    for sid, ((x, y, w, h), lab) in shapes.items():
        if sid in pools:
            o.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#222" stroke-width="1.5"/>'
                     % (x, y, w, h))
            o.append('<text transform="translate(%d,%d) rotate(-90)" font-size="12" font-family="%s" '
                     'text-anchor="middle">%s</text>' % (x + 19, y + h // 2, font,
                                                         escape(pools[sid].get("name", ""))))
            continue
        el = info.get(sid)
        t = local(el.tag) if el is not None else "task"
        name = el.get("name", "") if el is not None else sid
        if t in TASK_TYPES:
            o.append('<rect x="%d" y="%d" width="%d" height="%d" rx="10" fill="#fff" stroke="#222" stroke-width="2"/>'
                     % (x, y, w, h))
            o.append('<text x="%d" y="%d" font-size="9" fill="#888" font-family="%s">%s</text>'
                     % (x + 5, y + 11, font, escape(t.replace("Task", ""))))
            o += text_block(x + 5, y, w - 10, name, 12, center_v_h=h)
        elif t in GATEWAY_TYPES:
            cx, cy = x + w / 2, y + h / 2
            o.append('<polygon points="%s" fill="#fff" stroke="#222" stroke-width="2"/>' % " ".join(
                "%.1f,%.1f" % p for p in ((cx, y), (x + w, cy), (cx, y + h), (x, cy))))
            if t == "exclusiveGateway":
                o.append('<text x="%.1f" y="%.1f" font-size="20" text-anchor="middle" font-family="Arial">X</text>'
                         % (cx, cy + 7))
        else:
            cx, cy, r = x + w / 2, y + h / 2, w / 2
            dash = ' stroke-dasharray="4,3"' if el is not None and el.get("cancelActivity") == "false" else ""
            sw = 4 if t == "endEvent" else 2
            o.append('<circle cx="%.1f" cy="%.1f" r="%.1f" fill="#fff" stroke="#222" stroke-width="%d"%s/>'
                     % (cx, cy, r, sw, dash))
            if t in ("intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"):
                o.append('<circle cx="%.1f" cy="%.1f" r="%.1f" fill="none" stroke="#222"%s/>' % (cx, cy, r - 3, dash))
            if el is not None:
                if el.find("{%s}timerEventDefinition" % BPMN_NS) is not None:
                    o.append('<circle cx="%.1f" cy="%.1f" r="%.1f" fill="none" stroke="#222"/>' % (cx, cy, r - 8))
                    o.append('<path d="M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f" fill="none" stroke="#222"/>'
                             % (cx, cy - 7, cx, cy, cx + 5, cy))
                elif el.find("{%s}messageEventDefinition" % BPMN_NS) is not None:
                    o.append('<rect x="%.1f" y="%.1f" width="16" height="11" fill="none" stroke="#222"/>'
                             % (cx - 8, cy - 5.5))
                    o.append('<path d="M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f" fill="none" stroke="#222"/>'
                             % (cx - 8, cy - 5.5, cx, cy + 1, cx + 8, cy - 5.5))
        if lab:
            o.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#9cf" stroke-dasharray="2,2"/>' % lab)
            o += text_block(lab[0], lab[1], lab[2], name, 11)
    for fid, (pts, lab) in edges.items():
        el = info.get(fid)
        o.append('<polyline points="%s" fill="none" stroke="#222" stroke-width="1.5" marker-end="url(#a)"/>'
                 % " ".join("%d,%d" % p for p in pts))
        if lab:
            o.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#fc9" stroke-dasharray="2,2"/>' % lab)
            o += text_block(lab[0], lab[1], lab[2], el.get("name", ""), 11)
    o.append("</svg>")
    return "\n".join(o)


# --------------------------------------------------------------------------------------------


def process_file(path, check, render_dir):
    with open(path, "rb") as fh:
        raw = fh.read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    new, m = regenerate(text)
    again, _ = regenerate(new)
    if again != new:
        raise LayoutError("layout is not idempotent (internal error)")
    changed = new != text
    if not check and changed:
        with open(path, "wb") as fh:
            fh.write((b"\xef\xbb\xbf" if bom else b"") + new.encode("utf-8"))
    checked = text if check else new
    problems, warnings, (nn, nf, ns, ne) = verify(checked)
    if check and changed:
        problems.insert(0, "diagram is out of date (run without --check)")
    layers = 1 + max(n.layer for n in m.node_order if not n.is_boundary)
    rows = 1 + max(n.row for n in m.node_order if not n.is_boundary)
    backs = sum(1 for f in m.flow_order if f.back)
    status = "OK" if not problems else "FAILED"
    action = ("up to date" if not changed else "out of date") if check else \
        ("rewritten" if changed else "unchanged")
    print("%s: %s, %s: %d flow nodes / %d shapes, %d sequence flows / %d edges, %d layers x %d rows, "
          "%d back edge(s), %d overlap(s), %d layout warning(s)"
          % (path, status, action, nn, ns, nf, ne, layers, rows, backs,
             sum(1 for p in problems if "overlap" in p), len(warnings)))
    for p in problems[:MAX_REPORTED]:
        print("  error: %s" % p)
    if len(problems) > MAX_REPORTED:
        print("  ... and %d more error(s)" % (len(problems) - MAX_REPORTED))
    for w in warnings:
        print("  warning: %s" % w)
    if m.skipped:
        print("  note: not laid out: %s" % ", ".join(m.skipped))
    if render_dir:
        os.makedirs(render_dir, exist_ok=True)
        base = os.path.splitext(os.path.basename(path))[0]
        svg = os.path.join(render_dir, base + ".svg")
        with open(svg, "w", encoding="utf-8") as fh:
            fh.write(render_svg(checked))
        if shutil.which("rsvg-convert"):
            subprocess.run(["rsvg-convert", "-o", os.path.join(render_dir, base + ".png"), svg], check=True)
    return not problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--check", action="store_true", help="verify only, do not write")
    ap.add_argument("--render", metavar="DIR", help="also write DIR/<name>.svg (and .png)")
    args = ap.parse_args(argv)
    ok = True
    for path in args.files:
        try:
            ok = process_file(path, args.check, args.render) and ok
        except (LayoutError, ET.ParseError, OSError) as e:
            print("%s: FAILED: %s" % (path, e))
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
