"""Entry point of the frozen build: the same ``rondplan`` command as a source install."""

from desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
