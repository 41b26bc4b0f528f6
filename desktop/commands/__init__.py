"""Subcommands of ``rondplan``: one module each, each with ``register(subparsers)``."""

# Order is the order in ``rondplan --help``.
COMMAND_MODULES: tuple[str, ...] = (
    "init",
    "demo_data",
    "check",
    "audit",
    "backup",
    "restore",
    "briefing",
    "import_",
    "export",
    "stats",
    "screenshot",
    "migrate_to_server",
    "users",
    "server",
)
