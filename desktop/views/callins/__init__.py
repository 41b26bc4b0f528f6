"""Stormöten: call-ins, attendance and the delivery ledger (issue 7)."""
