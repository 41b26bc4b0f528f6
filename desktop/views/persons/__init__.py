"""The Personer page: list and search, profile, create/edit, merge, review."""
