"""The insider's attacks, on the file and on the server: each failed before its fix."""
