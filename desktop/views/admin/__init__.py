"""Administration: users and roles, retention, templates, backups, the audit view."""
