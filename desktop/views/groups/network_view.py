"""The network picture: groups as nodes, rivalries, alliances and conflicts as edges.

Edges differ by line style as well as colour (solid alliance, dashed rivalry, dotted
active conflict), so the picture reads in black and white and for colour-blind users.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from desktop.models import GroupRelationKind
from desktop.services.mapping.rows import Network, NetworkNode
from desktop.store.collation import swedish_key
from desktop.views.persons.labels import label

EDGE_STYLES: dict[GroupRelationKind, tuple[QColor, Qt.PenStyle, float]] = {
    GroupRelationKind.ALLIANCE: (QColor("#2e7d32"), Qt.PenStyle.SolidLine, 2.5),
    GroupRelationKind.RIVALRY: (QColor("#e08a00"), Qt.PenStyle.DashLine, 2.5),
    GroupRelationKind.ACTIVE_CONFLICT: (QColor("#c62828"), Qt.PenStyle.DotLine, 4.0),
}
NODE_FILL = QColor("#e3ecf7")
NODE_BORDER = QColor("#33475b")
SANCTION_BORDER = QColor("#b35900")
INCIDENT_FILL = QColor("#8e1b1b")
NODE_GAP = 80.0


def ring_order(network: Network) -> list[NetworkNode]:
    """The nodes around the ring with related groups side by side, so fewer edges cross.

    Greedy: start at the most connected group, then always take the unplaced group with
    the most relations to the last few placed ones; ties and unrelated groups go in Swedish
    alphabetical order (the picture is stable between openings).
    """
    neighbours: dict[int, set[int]] = {n.id: set() for n in network.nodes}
    for edge in network.edges:
        if edge.a in neighbours and edge.b in neighbours:
            neighbours[edge.a].add(edge.b)
            neighbours[edge.b].add(edge.a)
    left = sorted(network.nodes, key=lambda n: swedish_key(n.name))
    placed: list[NetworkNode] = []
    while left:
        # The chain grows at both ends: relations to the nearest placed count most, then
        # to the two behind it; max keeps the first of equals (alphabetical order).
        tail = [p.id for p in reversed(placed[-3:])]
        head = [p.id for p in placed[:3]]
        best = max(
            left,
            key=lambda n, t=tail, h=head: max(  # type: ignore[misc]
                _closeness(neighbours[n.id], t), _closeness(neighbours[n.id], h)
            ),
        )
        left.remove(best)
        linked = neighbours[best.id]
        if _closeness(linked, head) > _closeness(linked, tail):
            placed.insert(0, best)
        else:
            placed.append(best)
    return placed


def _closeness(linked: set[int], recent: list[int]) -> tuple[int, ...]:
    return (*(int(r in linked) for r in recent), len(linked))


def edge_pen(kind: GroupRelationKind) -> QPen:
    colour, style, width = EDGE_STYLES[kind]
    pen = QPen(colour, width, style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


class GroupNodeItem(QGraphicsEllipseItem):
    """A clickable group; ``scene().group_clicked`` fires with its id."""

    def __init__(
        self, node: NetworkNode, centre: QPointF, radius: float, incidents: int = 0
    ) -> None:
        super().__init__(QRectF(-radius, -radius, 2 * radius, 2 * radius))
        self.incidents = incidents
        self.group_id = node.id
        self.setPos(centre)
        self.setBrush(QBrush(NODE_FILL))
        border = QPen(SANCTION_BORDER if node.in_sanction else NODE_BORDER)
        border.setWidthF(4.0 if node.in_sanction else 1.5)
        self.setPen(border)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{node.name} ({node.members})")
        self.setZValue(1)
        text = QGraphicsSimpleTextItem(node.name, self)
        font = QFont()
        font.setBold(True)
        text.setFont(font)
        rect = text.boundingRect()
        text.setPos(-rect.width() / 2, -rect.height() / 2 - 6)
        count = QGraphicsSimpleTextItem(str(node.members), self)
        crect = count.boundingRect()
        count.setPos(-crect.width() / 2, rect.height() / 2 - 6)
        if incidents:
            _incident_badge(self, radius, incidents)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        scene = self.scene()
        if isinstance(scene, NetworkScene):
            scene.group_clicked.emit(self.group_id)
        super().mousePressEvent(event)


def _incident_badge(node: QGraphicsItem, radius: float, incidents: int) -> None:
    """A dark red disc with the count at the node's upper right (issue 20)."""
    size = 24.0
    at = radius * 0.707 - size / 2
    badge = QGraphicsEllipseItem(QRectF(at, -at - size, size, size), node)
    badge.setBrush(QBrush(INCIDENT_FILL))
    badge.setPen(QPen(QColor("white"), 1.5))
    number = QGraphicsSimpleTextItem(str(incidents), badge)
    number.setBrush(QBrush(QColor("white")))
    box = number.boundingRect()
    number.setPos(at + (size - box.width()) / 2, -at - size + (size - box.height()) / 2)


class NetworkScene(QGraphicsScene):
    group_clicked = Signal(int)

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.node_items: dict[int, GroupNodeItem] = {}
        self.edge_items: list[tuple[GroupRelationKind, object]] = []

    def show_network(
        self,
        network: Network,
        sanction_text: str,
        incidents: dict[int, int] | None = None,
        incident_text: str = "",
    ) -> None:
        incidents = incidents or {}
        self.clear()
        self.node_items.clear()
        self.edge_items.clear()
        nodes = ring_order(network)
        count = max(1, len(nodes))
        radii = [self._radius(node) for node in nodes]
        # A ring just large enough for the nodes side by side, so the picture fits the
        # view at about its natural size and the names stay readable.
        # Related groups sit side by side (ring_order): the gap keeps their edge visible.
        ring = max(160.0, sum(2 * r + NODE_GAP for r in radii) / (2 * math.pi))
        for i, (node, radius) in enumerate(zip(nodes, radii, strict=True)):
            angle = 2 * math.pi * i / count - math.pi / 2
            centre = QPointF(ring * math.cos(angle), ring * math.sin(angle))
            item = GroupNodeItem(node, centre, radius, incidents.get(node.id, 0))
            self.addItem(item)
            self.node_items[node.id] = item
        for edge in network.edges:
            a, b = self.node_items.get(edge.a), self.node_items.get(edge.b)
            if a is None or b is None:
                continue
            line = self.addLine(
                a.pos().x(), a.pos().y(), b.pos().x(), b.pos().y(), edge_pen(edge.kind)
            )
            line.setToolTip(label(edge.kind))
            self.edge_items.append((edge.kind, line))
        self._legend(ring, sanction_text, incident_text if incidents else "")

    @staticmethod
    def _radius(node: NetworkNode) -> float:
        # Wide enough for the name, larger for bigger groups.
        name_width = QGraphicsSimpleTextItem(node.name).boundingRect().width() * 1.1
        return max(42 + min(30, 3 * math.sqrt(node.members)), name_width / 2 + 10)

    def _legend(self, ring: float, sanction_text: str, incident_text: str) -> None:
        x, y = -ring - 60, ring + 90
        for i, kind in enumerate(EDGE_STYLES):
            top = y + i * 22
            self.addLine(x, top, x + 50, top, edge_pen(kind))
            self.addSimpleText(label(kind)).setPos(x + 60, top - 9)
        marker = self.addEllipse(QRectF(x + 15, y + 3 * 22 - 9, 18, 18), QPen(SANCTION_BORDER, 4))
        marker.setBrush(QBrush(NODE_FILL))
        self.addSimpleText(sanction_text).setPos(x + 60, y + 3 * 22 - 9)
        if incident_text:
            badge = self.addEllipse(
                QRectF(x + 14, y + 4 * 22 - 10, 20, 20), QPen(QColor("white"), 1.5)
            )
            badge.setBrush(QBrush(INCIDENT_FILL))
            self.addSimpleText(incident_text).setPos(x + 60, y + 4 * 22 - 9)


class NetworkView(QGraphicsView):
    """The picture itself; ``print_to_pdf`` writes it on one landscape A4 page."""

    group_clicked = Signal(int)

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.network_scene = NetworkScene(self)
        self.network_scene.group_clicked.connect(self.group_clicked)
        self.setScene(self.network_scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAccessibleName(self.tr("Nätverksbild över grupperingar"))

    def show_network(self, network: Network, incidents: dict[int, int] | None = None) -> None:
        self.network_scene.show_network(
            network,
            self.tr("Pågående sanktionsperiod"),
            incidents,
            self.tr("Händelser de 90 dagarna före datumet (antal)"),
        )
        self.setSceneRect(self.network_scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self.fit()

    def fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.fit()

    def print_to_pdf(self, path: Path, title: str) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setDocName(title)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(12, 12, 12, 12),
            )
        )
        self.render_to(printer, title)

    def render_to(self, printer: QPrinter, title: str) -> None:
        painter = QPainter(printer)
        try:
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            heading = QRectF(0, 0, page.width(), page.height() * 0.08)
            font = painter.font()
            font.setPointSize(16)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(heading, Qt.AlignmentFlag.AlignLeft, title)
            target = QRectF(0, heading.height(), page.width(), page.height() - heading.height())
            self.network_scene.render(painter, target, self.sceneRect())
        finally:
            painter.end()
