"""The shared PostgreSQL server store: same schema, one database role per user.

``init_server`` prepares an empty database (run with the owner's URL);
``open_server(url).unlock(user, password)`` logs a user in as their own role and
returns a ``ServerStore`` that services use exactly like the local ``Store``.
"""
