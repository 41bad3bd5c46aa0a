"""Building blocks every feature uses: the DataFrame table model (table_model.FrameTableModel),
list view, chart and section title (widgets), number and date formatting (formatting), the words
for domain codes in the current language (texts), and the dialogs any list opens: export
(export_dialog) and log a contact (contact_dialog)."""
