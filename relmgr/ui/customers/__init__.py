"""Customers: the searchable list (page) with its table columns (table_model), the 360 pane of the
selected customer (pane) and its AUM chart (aum_chart). Data: relmgr.services.customers."""
