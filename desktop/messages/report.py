"""The statistics report's and figures workbook's own words (issue 18): headings, chart
titles and series, table titles and columns, sheet names and headers, month names;
code → (Swedish, English). The figures' captions and definitions are in
``desktop.messages.definitions``; channels, statuses and kinds in ``terms``."""

from __future__ import annotations

_MONTHS = (
    ("jan", "Jan"),
    ("feb", "Feb"),
    ("mar", "Mar"),
    ("apr", "Apr"),
    ("maj", "May"),
    ("jun", "Jun"),
    ("jul", "Jul"),
    ("aug", "Aug"),
    ("sep", "Sep"),
    ("okt", "Oct"),
    ("nov", "Nov"),
    ("dec", "Dec"),
)

#: The month codes, January first: ``report.month_short.<code>`` is the month's short name.
MONTH_CODES: tuple[str, ...] = tuple(en.lower() for _sv, en in _MONTHS)

WORDS: dict[str, tuple[str, str]] = {
    **{f"report.month_short.{en.lower()}": (sv, en) for sv, en in _MONTHS},
    # The report's headings.
    "report.stats_kind": ("Uppföljningsrapport", "Follow-up report"),
    "report.stats_title": ("Statistik – {scope}", "Statistics – {scope}"),
    "report.whole_programme": ("hela programmet", "the whole programme"),
    "report.scope_group": ("grupp {group}", "group {group}"),
    "report.scope_area": ("område {area}", "area {area}"),
    "report.scope_agency": ("myndighet {agency}", "agency {agency}"),
    "report.printed_by": ("Utskriven av {who}  {when}", "Printed by {who}  {when}"),
    "report.page_of": ("Sida {page} av {of}", "Page {page} of {of}"),
    "report.about_figures": ("Om siffrorna", "About the figures"),
    "report.templates_used": ("Mallar: {used}", "Templates: {used}"),
    # Charts: titles, units, series.
    "report.chart_deliveries": (
        "Delgivningar per kanal och månad",
        "Deliveries by channel and month",
    ),
    "report.chart_reached": ("Nådda personer per månad", "Persons reached per month"),
    "report.chart_incidents": ("Händelser per månad", "Incidents per month"),
    "report.unit_count": ("antal", "number"),
    "report.unit_persons": ("personer", "persons"),
    "report.series_reached": ("Nådda", "Reached"),
    "report.series_reached_again": ("Nådda mer än en gång", "Reached more than once"),
    "report.series_mapped_new": ("Nykartlagda", "Newly mapped"),
    "report.series_group_shootings": ("Gruppkopplade skjutningar", "Group-linked shootings"),
    "report.series_other_incidents": ("Övriga händelser", "Other incidents"),
    "report.series_response_done": ("Akuta besök, genomförda", "Urgent visits, completed"),
    # Tables: titles and columns.
    "report.table_outcomes": ("Besök per utfall", "Visits by outcome"),
    "report.table_support": ("Stormöten och stöd", "Call-ins and support"),
    "report.table_coverage": ("Täckning per grupp", "Coverage by group"),
    "report.table_monthly": ("Månad för månad", "Month by month"),
    "report.table_violence": ("Våld och svaret på det", "Violence and the response to it"),
    "report.table_violence_monthly": ("Våld per månad", "Violence per month"),
    "report.table_violence_groups": ("Våld och besök per grupp", "Violence and visits by group"),
    "report.col_outcome": ("Utfall", "Outcome"),
    "report.col_count": ("Antal", "Number"),
    "report.col_measure": ("Mått", "Measure"),
    "report.col_value": ("Värde", "Value"),
    "report.col_group": ("Grupp", "Group"),
    "report.col_members": ("Medlemmar", "Members"),
    "report.col_reached": ("Nådda", "Reached"),
    "report.col_share": ("Andel", "Share"),
    "report.col_month": ("Månad", "Month"),
    "report.col_mapped_new": ("Nykartlagda", "Newly mapped"),
    "report.col_reached_again": ("Mer än en gång", "More than once"),
    "report.col_deliveries": ("Delgivningar", "Deliveries"),
    "report.col_visits": ("Besök", "Visits"),
    "report.col_support_accepted": ("Stöd acc.", "Support acc."),
    "report.col_incidents": ("Händelser", "Incidents"),
    "report.col_group_shootings": ("Skjutn. (grupp)", "Shootings (group)"),
    "report.col_injured": ("Skadade", "Injured"),
    "report.col_killed": ("Döda", "Killed"),
    "report.col_median_days": ("Median dgr", "Median days"),
    "report.col_response": ("Akuta/genomf.", "Urgent/done"),
    "report.col_shootings": ("Skjutn.", "Shootings"),
    "report.col_sides": ("Misstänkt/drabbad", "Suspected/victim"),
    "report.col_within_72h": ("Inom 72 h", "Within 72 h"),
    "report.col_visits_per_week": ("Besök/v", "Visits/wk"),
    # The figures workbook: sheet names and headers.
    "sheet.key_figures": ("Nyckeltal", "Key figures"),
    "sheet.per_month": ("Per månad", "Per month"),
    "sheet.coverage": ("Täckning", "Coverage"),
    "sheet.violence_monthly": ("Våld per månad", "Violence per month"),
    "sheet.violence_groups": ("Våld per grupp", "Violence by group"),
    "sheet.definitions": ("Definitioner", "Definitions"),
    "sheet.col_code": ("kod", "code"),
    "sheet.col_measure": ("mått", "measure"),
    "sheet.col_key": ("nyckel", "key"),
    "sheet.col_value": ("värde", "value"),
    "sheet.col_definition": ("definition", "meaning"),
    "sheet.col_group": ("grupp", "group"),
    "sheet.col_members": ("medlemmar", "members"),
    "sheet.col_reached": ("nådda", "reached"),
    "sheet.col_share": ("andel", "share"),
}
