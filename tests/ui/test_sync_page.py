"""The Sync page on the analysed demo portfolio: the table lists exactly the payload's cells,
suppressed ones marked; Save to file writes the signed summary off the GUI thread (audited);
Sync now without an address says so; a portfolio without a branch id says how to set one."""

from __future__ import annotations

import json
from pathlib import Path

from relmgr.domain.codes import AuditAction
from relmgr.services.audit import list_audit
from relmgr.services.sync import branch
from relmgr.services.sync.preview import SUPPRESSED_MARK
from relmgr.ui.sync.page import SyncPage


def test_preview_marks_suppressed_cells_and_saves_a_signed_file(qtbot, runner_on_demo, tmp_path: Path) -> None:
    runner_on_demo.db.submit(branch.set_branch_id, "BR-UI").result()
    page = SyncPage(runner_on_demo)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=60_000) as shown:
        page.load()
    body = page._preview.body
    cells = [c for t in body["tables"] for c in t["cells"]]
    assert shown.args == [len(cells)] and page.table.rowCount() == len(cells)
    marked = [r for r in range(page.table.rowCount()) if page.table.item(r, 3).text() == SUPPRESSED_MARK]
    assert marked and len(marked) == sum(c["suppressed"] for c in cells)
    assert all(page.table.item(r, 5).text() == "suppressed" for r in marked)
    assert "k = 10" in page.status_label.text()

    target = tmp_path / "carry.json"
    with qtbot.waitSignal(page.finished, timeout=60_000) as done:
        page.save_to(str(target))
    assert "Saved to" in done.args[0]
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["payload"]["tables"] == body["tables"] and saved["signature"]["value"]
    rows = runner_on_demo.db.submit(list_audit, action=AuditAction.SYNCED).result()
    assert list(rows["target"]) == [saved["payload"]["summary_id"]]


def test_sync_now_without_an_address_says_where_to_set_it(qtbot, runner_on_demo) -> None:
    page = SyncPage(runner_on_demo)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.finished, timeout=10_000) as done:
        page.send_now()
    assert "Settings" in done.args[0]


def test_without_a_branch_id_the_page_says_how_to_set_it(qtbot, runner_on_demo) -> None:
    page = SyncPage(runner_on_demo)
    qtbot.addWidget(page)
    page.load()
    qtbot.waitUntil(lambda: "relmgr sync setup" in page.status_label.text(), timeout=30_000)


def test_without_a_branch_id_the_chinese_page_says_so_in_chinese(qtbot, qapp, runner_on_demo) -> None:
    from relmgr.ui.shell.i18n import Translations

    translations = Translations(qapp)
    translations.apply("zh_CN")
    try:
        page = SyncPage(runner_on_demo)
        qtbot.addWidget(page)
        page.load()
        qtbot.waitUntil(lambda: "relmgr sync setup" in page.status_label.text(), timeout=30_000)
        assert "网点编号" in page.status_label.text()
        assert "no branch id" not in page.status_label.text()
    finally:
        translations.apply("en")
