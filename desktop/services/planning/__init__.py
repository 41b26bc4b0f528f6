"""Visit planning: proposals, re-visits, move conflicts and calendar export (no Qt, no ORM)."""
