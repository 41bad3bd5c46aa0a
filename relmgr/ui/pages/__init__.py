"""The main window's pages, one module each, in sidebar order: customers, tiers, segments,
lifecycle. A page has `load()` (after unlock or a refresh) and `clear()` (on lock: forget every
customer), and emits `open_customer(customer_id)` to show someone in the Customers page."""
