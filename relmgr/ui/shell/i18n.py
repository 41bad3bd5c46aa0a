"""Which language the UI speaks, and switching it while the app runs.

Source strings are English; Simplified Chinese lives in resources/i18n/relmgr_zh_CN.ts, compiled
to relmgr_zh_CN.qm beside it (installer/update_translations.py refreshes both). Switching installs
or removes QTranslators; Qt then sends every widget a LanguageChange event and each widget
re-applies its texts in `retranslate_ui()`. Qt's own translations (qtbase: standard buttons,
file dialogs) are installed alongside ours so a Chinese UI has no stray English buttons.

The words for codes (tiers, reasons, outcomes...) are not Qt translations: they live in
relmgr.services.wording, which exports use too, and the ui `*_texts.py` modules ask it for the
UI's `current_language()`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from relmgr.services.pdf_fonts import resources_dir
from relmgr.services.wording import CHINESE, ENGLISH

log = logging.getLogger(__name__)


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def resolve_language(setting: str, *, system: QLocale | None = None) -> str:
    """The language to show for a settings value: 'zh_CN', 'en', or 'auto' (the OS locale:
    Chinese -> zh_CN, anything else -> en)."""
    if setting in (CHINESE, ENGLISH):
        return setting
    locale = system if system is not None else QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def current_language() -> str:
    """The language the UI speaks now: `Translations.apply` sets the default QLocale to it."""
    return CHINESE if QLocale().language() == QLocale.Language.Chinese else ENGLISH


def in_current_language(words: Callable[..., str]) -> Callable[..., str]:
    """A relmgr.services.wording function, which takes `language=`, as one that speaks the UI's
    current language, asked at every call so a language switch shows at the next one."""
    @functools.wraps(words)
    def spoken(*args, **kwargs) -> str:
        return words(*args, language=current_language(), **kwargs)

    return spoken


class Translations:
    """Owns the installed translators of one application."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = ENGLISH

    def apply(self, setting: str) -> str:
        """Switch to the language for `setting`; returns the effective language code."""
        language = resolve_language(setting)
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        if language == CHINESE:
            ours = QTranslator(self._app)
            if ours.load(str(translations_dir() / "relmgr_zh_CN.qm")):
                self._installed.append(ours)
            else:
                log.warning("Chinese translation file missing; showing English")
            qt_base = QTranslator(self._app)
            if qt_base.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._installed.append(qt_base)
            for translator in self._installed:
                self._app.installTranslator(translator)
        # Locale-aware formatting (numbers, dates in Qt widgets) follows the language.
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                           if language == CHINESE else QLocale(QLocale.Language.English,
                                                               QLocale.Country.UnitedStates))
        self.language = language
        return language
