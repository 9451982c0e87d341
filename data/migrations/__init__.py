"""data/migrations package."""
