"""Locking: idle auto-lock, Ctrl+L and OS session lock, the overlay, the clipboard helper."""

from desktop.views.lock.clipboard import SensitiveClipboard
from desktop.views.lock.controller import LockController
from desktop.views.lock.idle import IdleWatcher

__all__ = ["IdleWatcher", "LockController", "SensitiveClipboard"]
