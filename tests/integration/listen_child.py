"""Child process for the NOTIFY test: log in, listen, print each change as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desktop.store.server.notify import ChangeListener
from desktop.store.server.store import LockedServer
from tests.factories import PASSWORD


def main() -> None:
    url, username, state = sys.argv[1:4]
    store = LockedServer(url, Path(state)).unlock(username, PASSWORD)

    def show(changes) -> None:  # type: ignore[no-untyped-def]
        print(json.dumps({"kinds": sorted(changes.kinds), "ids": sorted(changes.ids)}), flush=True)

    listener = ChangeListener(store.conninfo, show, store.origin)
    listener.start()
    listener.ready.wait(10)
    print("ready", flush=True)
    sys.stdin.readline()  # the parent closes stdin to stop us
    listener.stop()
    store.lock()


if __name__ == "__main__":
    main()
