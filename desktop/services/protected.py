"""What is shown instead of where a person with protected identity lives.

One word for every screen, paper and file (briefing, schedule, target list, iCalendar),
kept in a module with no imports so pure code such as the planner can use it.
"""

PROTECTED_AREA = "Skyddad adress"
