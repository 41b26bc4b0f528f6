"""The research export's own words (issue 18): sheet names, column headers, the README's
lines, the purposes and reasons; code → (Swedish, English). The workbook follows the
language of the one who exports it; the codes in its cells stay codes."""

from __future__ import annotations

_SHEETS = {
    "summary": ("Sammanställning", "Summary"),
    "persons": ("Personer", "Persons"),
    "memberships": ("Medlemskap", "Memberships"),
    "deliveries": ("Delgivningar", "Deliveries"),
    "visits": ("Besök", "Visits"),
    "call_ins": ("Stormöten", "Call-ins"),
    "referrals": ("Remisser", "Referrals"),
    "incidents_month": ("Händelser per månad", "Incidents per month"),
    "incidents_group": ("Händelser per grupp", "Incidents per group"),
}
#: Column headers: machine-friendly words a researcher's script reads.
_COLUMNS = {
    "birth_year": ("födelseår", "birth_year"),
    "category": ("kategori", "category"),
    "group": ("grupp", "group"),
    "role": ("roll", "role"),
    "month": ("månad", "month"),
    "channel": ("kanal", "channel"),
    "outcome": ("utfall", "outcome"),
    "call_in": ("stormöte", "call_in"),
    "referral": ("remiss", "referral"),
    "support_kind": ("stödtyp", "support_kind"),
    "self_initiated": ("egen_kontakt", "self_initiated"),
    "code": ("kod", "code"),
    "key": ("nyckel", "key"),
    "value": ("värde", "value"),
    "field": ("fält", "field"),
}
_README = {
    "contents": ("Innehåll", "Contents"),
    "contents_text": (
        "Pseudonymiserat uttag ur Rondplan för utvärdering och forskning.",
        "Pseudonymised extract from Rondplan for evaluation and research.",
    ),
    "created": ("Skapat", "Created"),
    "purpose": ("Syfte", "Purpose"),
    "reason": ("Skäl", "Reason"),
    "motivation": ("Motivering", "Justification"),
    "selection": ("Urval", "Selection"),
    "one_group": ("grupp", "one group"),
    "all_groups": ("alla grupper", "all groups"),
    "disclosure": ("Röjandeskydd", "Disclosure control"),
    "pseudonyms": ("Pseudonymer", "Pseudonyms"),
    "pseudonyms_text": (
        "HMAC-SHA256 av radens id med en slumpad nyckel för uttaget. Samma nyckel ger "
        "samma pseudonymer; nyckeln finns inte i filen.",
        "HMAC-SHA256 of the row's id under a random key made for the export. The same key "
        "gives the same pseudonyms; the key is not in the file.",
    ),
    "suppression_rule": (
        'Antal under 5 (även 0) visas som "<5" i sammanställda tabeller, och andelar '
        "byggda på sådana antal visas inte. Radnivådata innehåller bara kodade uppgifter.",
        'Counts under 5 (0 too) are shown as "<5" in aggregate tables, and shares built on '
        "such counts are not shown. Row-level data holds only coded fields.",
    ),
}
_PURPOSES = {
    "evaluation": ("Utvärdering", "Evaluation"),
    "research": ("Forskning", "Research"),
    "follow_up": ("Uppföljning", "Follow-up"),
}
_REASONS = {
    "commissioned_evaluation": (
        "Uppdrag att utvärdera programmet",
        "Commissioned to evaluate the programme",
    ),
    "ethics_approved_research": (
        "Etikprövat forskningsprojekt",
        "Ethics-approved research project",
    ),
    "programme_follow_up": ("Programmets egen uppföljning", "The programme's own follow-up"),
    "other": ("Annat", "Other"),
}

WORDS: dict[str, tuple[str, str]] = {
    **{f"research.sheet.{code}": pair for code, pair in _SHEETS.items()},
    **{f"research.col.{code}": pair for code, pair in _COLUMNS.items()},
    **{f"research.readme.{code}": pair for code, pair in _README.items()},
    **{f"research.purpose.{code}": pair for code, pair in _PURPOSES.items()},
    **{f"research.reason.{code}": pair for code, pair in _REASONS.items()},
}
