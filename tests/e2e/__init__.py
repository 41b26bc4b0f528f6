"""The real application in a real X server (Xvfb), driven by real input events."""
