"""The window around the pages: application start (app), the unlock dialog and password change
(unlock_dialog), the main window and its sidebar (main_window), settings (settings_dialog), the
idle auto-lock (idle), the translations (i18n), the background runner that puts database reads and
long work off the GUI thread (runner.TaskRunner), and `relmgr --self-test` (self_test)."""
