"""Printing in the app: briefing dialog, PDF preview (in memory only), template editor."""
