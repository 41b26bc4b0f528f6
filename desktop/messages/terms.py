"""The vocabulary's words for codes the statistics list (channels, visit statuses,
incident kinds), for the command line and the files it writes: code → (Swedish,
English). The Swedish is the one vocabulary's (``desktop.services.vocabulary``, issue
17); the views translate the same words with Qt Linguist."""

from __future__ import annotations

from desktop.services.vocabulary import INCIDENT_KIND_WORDS, VISIT_STATUS_WORDS

_CHANNELS = {
    "home_visit": ("Hembesök", "Home visit"),
    "call_in": ("Stormöte", "Call-in"),
    "probation": ("Kriminalvården", "Prison and Probation Service"),
    "other": ("Annat", "Other"),
}
_STATUSES_EN = {
    "proposed": "Proposal",
    "planned": "Planned",
    "met": "Met him",
    "not_home": "Not at home",
    "refused": "Refused to open the door",
    "moved": "Has moved",
    "family_only": "Met only the family",
    "cancelled": "Cancelled",
}
_KINDS_EN = {
    "shooting": "Shooting",
    "explosion": "Explosion",
    "hand_grenade": "Hand grenade",
    "knife": "Knife violence",
    "murder": "Murder or attempt",
    "threat": "Threat",
    "other": "Other",
}

WORDS: dict[str, tuple[str, str]] = {
    **{f"term.channel.{code}": pair for code, pair in _CHANNELS.items()},
    **{f"term.visit.{code}": (VISIT_STATUS_WORDS[code], en) for code, en in _STATUSES_EN.items()},
    **{f"term.incident.{code}": (INCIDENT_KIND_WORDS[code], en) for code, en in _KINDS_EN.items()},
}
