"""Stöd: the support catalogue and referrals (issue 7)."""
