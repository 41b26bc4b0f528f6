"""Printing in the app: briefing dialog, PDF preview, template editor, temporary files."""
