"""Qt table models over domain objects. They know Qt roles, never SQL."""
