"""Dialogs of the window: forms and prompts, every text in Vietnamese."""
