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


def test_sync_now_sends_off_the_database_thread_lists_the_outbox_and_the_timer_retries(
        qtbot, runner_on_demo, tmp_path: Path, monkeypatch) -> None:
    """Head office down: the summary waits in the outbox (listed with the reason); back up: the
    timer's round sends it on its own; a refusal is listed with head office's reason. The HTTPS
    round trip runs on the worker thread, never the database one."""
    import dataclasses
    import threading

    from relmgr.domain.codes import OutboxStatus
    from relmgr.services import settings as settings_module
    from relmgr.services.sync import transport
    from tests.services.https_stub import UNAVAILABLE, make_certificates, refused, serve

    runner_on_demo.db.submit(branch.set_branch_id, "BR-UI").result()
    certificates = make_certificates(tmp_path)
    sending_threads = []
    real_send = transport.send

    def watched(*args, **kwargs):
        sending_threads.append(threading.current_thread().name)
        return real_send(*args, **kwargs)

    monkeypatch.setattr(transport, "send", watched)
    with serve(certificates) as stub:
        configured = dataclasses.replace(settings_module.load_settings(), head_office_url=stub.url,
                                         ca_bundle=str(certificates["ca"]))
        monkeypatch.setattr("relmgr.ui.sync.page.load_settings", lambda: configured)
        page = SyncPage(runner_on_demo)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.loaded, timeout=60_000):
            page.load()
        stub.answers[:] = [UNAVAILABLE]
        with qtbot.waitSignal(page.finished, timeout=60_000) as done:
            page.send_now()
        assert "kept in the outbox" in done.args[0] and "HTTP 503" in done.args[0]
        qtbot.waitUntil(lambda: page.outbox_table.rowCount() == 1 and page._items[0].attempts == 1,
                        timeout=30_000)
        assert page.outbox_table.item(0, 2).text() == "Waiting to send"
        assert "HTTP 503" in page.outbox_table.item(0, 5).text()

        # The timer's round waits for the backoff; once due, it sends on its own.
        runner_on_demo.db.submit(lambda p: p.conn.execute(
            "UPDATE sync_outbox SET next_attempt_at = '2000-01-01T00:00:00+00:00'")).result()
        page.retry_due()
        qtbot.waitUntil(lambda: page._items and page._items[0].status is OutboxStatus.SENT,
                        timeout=30_000)
        assert len(stub.received) == 1
        assert page.outbox_table.item(0, 2).text() == "Sent, acknowledged"

        stub.answers[:] = [refused("schema not accepted here")]
        with qtbot.waitSignal(page.finished, timeout=60_000) as done:
            page.send_now()
        assert "refused by head office: schema not accepted here" in done.args[0]
        qtbot.waitUntil(lambda: len(page._items) == 2 and page._items[0].status is OutboxStatus.REFUSED,
                        timeout=30_000)
        assert page.outbox_table.item(0, 5).text() == "schema not accepted here"
        qtbot.waitUntil(lambda: "1 sent and acknowledged, 1 refused" in page.status_label.text(),
                        timeout=30_000)
    assert sending_threads and all("fit" in name for name in sending_threads)
