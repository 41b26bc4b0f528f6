"""The Insatser page: operations, targets, teams, the planner run and outcomes."""
