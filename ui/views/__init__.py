"""One screen per module, hosted by the main window's navigation."""
