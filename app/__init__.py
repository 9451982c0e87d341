"""Sổ Chi bộ: the application core (domain, services, CLI). Never imports Qt."""

__version__ = "0.1.0"
APP_NAME = "Sổ Chi bộ"
