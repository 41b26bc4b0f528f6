"""The Grupperingar page: list, profile, network picture."""
