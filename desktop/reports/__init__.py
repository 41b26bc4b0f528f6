"""Printed documents rendered with reportlab from frozen data (no Qt, no ORM).

Services build the dataclasses in :mod:`desktop.reports.data`; the
``render_*`` functions lay them out and write a PDF to a path or stream.
Import the renderers from their modules (``desktop.reports.briefing`` etc.):
importing this package alone stays cheap.
"""
