"""Plain domain objects and rules. Imports nothing of ours outside app.domain; no I/O."""
