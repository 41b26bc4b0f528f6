"""Server-only views: the change relay, the connection-lost banner, the conflict dialog."""
