"""Settings opens; the auto-lock is safe whatever is open (issue 12: Settings raised in
retranslate_ui on PySide6 6.12; the auto-lock under an export question aborted the process)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from relmgr.services.settings import Settings


def _open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def _question(qtbot) -> QMessageBox:
    def shown() -> QMessageBox:
        boxes = [w for w in _open_dialogs() if isinstance(w, QMessageBox)]
        assert boxes
        return boxes[0]
    qtbot.waitUntil(lambda: bool([w for w in _open_dialogs() if isinstance(w, QMessageBox)]),
                    timeout=5_000)
    return shown()


def test_settings_opens_and_changes_language(unlocked_window, qtbot, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr("relmgr.ui.shell.main_window.save_settings", lambda _s: None)
    window = unlocked_window
    dialog = window.open_settings()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.language_label.text() == "Language"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findText("简体中文"))
    dialog.accept()
    try:
        assert window.settings.language == "zh_CN"
        qtbot.waitUntil(lambda: window.nav.item(0).text() == "首页")   # LanguageChange is posted
        # Opening it again in Chinese: its own labels are translated, nothing raises.
        again = window.open_settings()
        assert again.language_label.text() == "语言"
        window.translations.apply("en")
        qtbot.waitUntil(lambda: again.language_label.text() == "Language")
        again.reject()
    finally:
        window.apply_settings(Settings(language="en", auto_lock_minutes=window.settings.auto_lock_minutes,
                                       last_portfolio=window.settings.last_portfolio))


def test_change_password_dialog_opens_from_settings(unlocked_window, qtbot) -> None:
    settings = unlocked_window.open_settings()
    change = settings._change_password()
    qtbot.waitUntil(change.isVisible)
    change.reject()
    settings.reject()


def _lock_now(window, qtbot) -> None:
    with qtbot.waitSignal(window.locked, timeout=5_000):
        window.idle.idle.emit()          # what the idle timer sends
    assert window.is_locked
    # Nothing of the portfolio stays on screen: only the unlock dialog.
    assert _open_dialogs() == [window.unlock_dialog]


def test_auto_lock_while_replace_the_file_is_asked(unlocked_window, qtbot, tmp_path) -> None:
    window = unlocked_window
    export = window.open_export()
    existing = tmp_path / "today.xlsx"
    existing.write_bytes(b"keep me")
    export.set_path(existing)
    export.accept()
    question = _question(qtbot)
    assert question.windowTitle() == "Replace the file?"
    _lock_now(window, qtbot)
    qtbot.wait(50)                       # deferred deletes run: no abort, no export
    assert existing.read_bytes() == b"keep me"


def test_auto_lock_while_export_unmasked_is_asked(unlocked_window, qtbot) -> None:
    window = unlocked_window
    export = window.open_export()
    export.unmasked_check.setChecked(True)
    question = _question(qtbot)
    assert question.windowTitle() == "Export unmasked?"
    assert not export.unmasked_check.isChecked()    # unticked until the RM says Yes
    _lock_now(window, qtbot)
    qtbot.wait(50)


def test_auto_lock_while_settings_and_change_password_are_open(unlocked_window, qtbot) -> None:
    window = unlocked_window
    settings = window.open_settings()
    settings._change_password()
    _lock_now(window, qtbot)
    qtbot.wait(50)


def test_settings_carries_and_edits_the_head_office_address(unlocked_window, qtbot, monkeypatch) -> None:
    import dataclasses

    monkeypatch.setattr("relmgr.ui.shell.main_window.save_settings", lambda _s: None)
    window = unlocked_window
    window.settings = dataclasses.replace(window.settings, head_office_url="https://hq.example/sync",
                                          ca_bundle="/etc/bank-ca.pem")
    dialog = window.open_settings()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.head_office_edit.text() == "https://hq.example/sync"
    dialog.auto_lock_spin.setValue(15)              # a change elsewhere keeps the address
    assert dialog.result_settings().ca_bundle == "/etc/bank-ca.pem"
    dialog.head_office_edit.setText(" https://hq2.example/sync ")
    dialog.accept()
    assert window.settings.head_office_url == "https://hq2.example/sync"
    assert window.settings.ca_bundle == "/etc/bank-ca.pem"
    assert window.settings.auto_lock_minutes == 15
