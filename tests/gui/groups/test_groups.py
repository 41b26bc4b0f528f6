from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop.models import GroupRelationKind
from desktop.views.changes_hub import ChangesHub
from desktop.views.groups.list_page import GroupsPage
from desktop.views.groups.network_page import NetworkPage
from desktop.views.groups.network_view import edge_pen
from desktop.views.groups.profile_page import GroupProfilePage
from desktop.views.groups.workspace import GroupsWorkspace


def test_group_list_and_coverage(qtbot, mapped, qtmodeltester):
    services, _ = mapped
    page = GroupsPage(services.mapping)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == 4
    with qtbot.waitSignal(page.group_opened) as opened:
        page.open_button.click()
    assert opened.args == [page.model.row_at(0).id]


def test_group_profile(qtbot, mapped):
    services, ids = mapped
    page = GroupProfilePage(services.mapping, services.engagement.sanctions, ids["Södra sidan"])
    qtbot.addWidget(page)
    assert page.members.rowCount() == 2
    assert "Täckning: 1 av 2" in page.coverage.text()
    assert not page.sanction_banner.isHidden()
    kinds = {page.relations.row_at(i).kind for i in range(page.relations.rowCount())}
    assert kinds == {GroupRelationKind.ACTIVE_CONFLICT, GroupRelationKind.RIVALRY}


def test_edges_differ_by_style_not_only_colour():
    styles = {edge_pen(kind).style() for kind in GroupRelationKind}
    assert styles == {Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine}


def test_network_is_clickable_and_printable(qtbot, mapped, tmp_path):
    services, ids = mapped
    page = NetworkPage(services.mapping)
    qtbot.addWidget(page)
    scene = page.view.network_scene
    assert set(scene.node_items) == {
        ids[n] for n in ("Norra gänget", "Södra sidan", "Parkgruppen", "Centrumligan")
    }
    assert len(scene.edge_items) == 3
    with qtbot.waitSignal(page.group_opened) as opened:
        scene.group_clicked.emit(ids["Parkgruppen"])
    assert opened.args == [ids["Parkgruppen"]]
    target = tmp_path / "natverk.pdf"
    page.print_to(target)
    assert len(PdfReader(target).pages) == 1


def test_workspace_network_to_group(qtbot, mapped):
    services, ids = mapped
    space = GroupsWorkspace(services.mapping, services.engagement.sanctions)
    qtbot.addWidget(space)
    network = space.open_network()
    network.group_opened.emit(ids["Norra gänget"])
    assert space.stack.currentWidget().group_id == ids["Norra gänget"]


def test_group_dialog_creates_and_edits(qtbot, mapped):
    from desktop.views.groups.group_dialog import GroupDialog

    services, ids = mapped
    dialog = GroupDialog(services.mapping.groups)
    qtbot.addWidget(dialog)
    dialog.name.setText("Norra gänget")
    dialog.save()
    assert "redan" in dialog.error.text()
    dialog.name.setText("Västra")
    dialog.area.setText("Hyllie")
    dialog.save()
    assert dialog.result() == 1
    names = {g.name for g in services.mapping.groups.list()}
    assert "Västra" in names
    profile = services.mapping.groups.profile(ids["Parkgruppen"])
    edit = GroupDialog(services.mapping.groups, profile)
    qtbot.addWidget(edit)
    assert edit.name.text() == "Parkgruppen"
    edit.description.setPlainText("Ny beskrivning")
    edit.save()
    assert services.mapping.groups.profile(ids["Parkgruppen"]).description == "Ny beskrivning"


def test_relation_dialog(qtbot, mapped):
    from desktop.views.groups.relation_dialogs import RelationDialog

    services, ids = mapped
    groups = services.mapping.groups
    gid = ids["Centrumligan"]
    relation = RelationDialog(groups, gid)
    qtbot.addWidget(relation)
    relation.other.setCurrentIndex(relation.other.findText("Parkgruppen"))
    relation.kind.setCurrentIndex(relation.kind.findText("Allians"))
    relation.save()
    assert relation.result() == 1
    profile = groups.profile(gid)
    assert {r.other_group_name for r in profile.relations} == {"Parkgruppen", "Södra sidan"}


def test_group_profile_embeds_the_sanction_periods_widget(qtbot, mapped, monkeypatch):
    from desktop.views.sanctions.dialogs import EndSanctionDialog, SanctionDialog

    services, ids = mapped
    hub = ChangesHub()
    heard: list = []
    hub.changes_applied.connect(heard.append)
    page = GroupProfilePage(
        services.mapping, services.engagement.sanctions, ids["Centrumligan"], hub=hub
    )
    hub.changes_applied.connect(page.apply_changes)
    qtbot.addWidget(page)
    assert page.tabs.indexOf(page.sanctions) >= 0
    assert page.sanction_banner.isHidden() and page.sanctions.new_button.isEnabled()

    def start(dialog: SanctionDialog) -> int:
        dialog.trigger.setPlainText("Skottlossning vid torget")
        return 1

    monkeypatch.setattr(SanctionDialog, "exec", start)
    page.sanctions.new_button.click()
    assert len(heard) == 1  # published once, by the runner in the widget
    assert not page.sanction_banner.isHidden()
    assert "Skottlossning vid torget" in page.sanction_banner.text()

    def end(dialog: EndSanctionDialog) -> int:
        dialog.reason.setText("Lugnt i tre månader")
        return 1

    monkeypatch.setattr(EndSanctionDialog, "exec", end)
    page.sanctions.view.selectRow(0)
    page.sanctions.end_button.click()
    assert len(heard) == 2
    # Ended today: still running today, over from tomorrow.
    period = services.engagement.sanctions.periods(ids["Centrumligan"])[0]
    assert period.end_reason == "Lugnt i tre månader"


def test_member_dialog_from_group_profile(qtbot, mapped, monkeypatch):
    from desktop.views.groups.member_dialog import MemberDialog

    services, ids = mapped
    gid = ids["Centrumligan"]
    hub = ChangesHub()
    heard: list = []
    hub.changes_applied.connect(heard.append)
    page = GroupProfilePage(services.mapping, services.engagement.sanctions, gid, hub=hub)
    hub.changes_applied.connect(page.apply_changes)
    qtbot.addWidget(page)
    before = page.members.rowCount()
    dialog = MemberDialog(services.mapping, gid)
    qtbot.addWidget(dialog)
    dialog.save()
    assert "välj personen" in dialog.error.text()
    dialog.picker.look_up("Öztürk")
    dialog.save()
    assert "källan" in dialog.error.text()
    dialog.source.setText("Polisens lägesbild")
    dialog.reason.setText("Syns med gruppen")
    dialog.save()
    assert dialog.result() == 1

    def fill(d: MemberDialog) -> int:
        d.picker.look_up("Johansson")
        d.source.setText("Socialtjänsten")
        d.reason.setText("Uppgift i orosanmälan")
        d.save()
        return d.result()

    monkeypatch.setattr(MemberDialog, "exec", fill)
    assert not page.member_button.isHidden()
    page.member_button.click()
    assert len(heard) == 1  # the dialog built outside the page had no hub: not heard
    assert page.members.rowCount() == before + 2  # refreshed from the hub


def test_ring_order_puts_related_groups_side_by_side():
    import datetime as dt

    from desktop.services.mapping.rows import Network, NetworkEdge, NetworkNode
    from desktop.views.groups.network_view import ring_order

    names = ["Östra", "Alfa", "Beta", "Gamma", "Delta"]
    nodes = tuple(NetworkNode(i, name, 5, False) for i, name in enumerate(names))
    # Östra–Gamma and Alfa–Delta: alphabetical order would put each pair apart.
    kind = GroupRelationKind.RIVALRY
    edges = (
        NetworkEdge(1, 0, 3, kind, dt.date(2026, 1, 1)),
        NetworkEdge(2, 1, 4, kind, None),
        NetworkEdge(3, 0, 1, kind, None),
    )
    order = [n.name for n in ring_order(Network(nodes, edges))]
    assert sorted(order) == sorted(names)
    for a, b in (("Östra", "Gamma"), ("Alfa", "Delta"), ("Östra", "Alfa")):
        assert abs(order.index(a) - order.index(b)) in (1, len(names) - 1)
