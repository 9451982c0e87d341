"""data/repositories package."""
