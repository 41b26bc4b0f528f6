"""What every figure of the statistics means, in Swedish and English (issue 18): code →
(Swedish, English), keyed ``figure.<code>`` for the caption and ``figure.<code>.means`` for
the definition. The figure codes never change (they are the JSON keys of ``rondplan
stats``); the words are shown beside the tiles, printed in the report, written to the
workbooks and listed by ``rondplan stats``, each in the reader's language."""

from __future__ import annotations

from desktop.services.vocabulary import PAPER_STATUSES, VISIT_STATUS_WORDS

_INCIDENT_FILTERS = (
    " Med gruppfilter räknas händelser där gruppen var inblandad, med områdesfilter "
    "händelser i det området; myndighetsfiltret gäller inte händelser.",
    " With a group filter, incidents the group was involved in are counted; with an area "
    "filter, incidents in that area; the agency filter does not apply to incidents.",
)
_AGENCY = (
    " Med myndighetsfilter räknas bara delgivningar vid besök där teamet hade någon "
    "från myndigheten.",
    " With an agency filter, only deliveries at visits where the team had someone from "
    "the agency are counted.",
)
# The statuses in the one vocabulary (issue 17), outcomes first.
_STATUSES_SV = (
    ", ".join(VISIT_STATUS_WORDS[c].lower() for c in PAPER_STATUSES)
    + f", {VISIT_STATUS_WORDS['planned'].lower()} eller {VISIT_STATUS_WORDS['proposed'].lower()}"
)
_STATUSES_EN = (
    "met him, not at home, refused to open the door, has moved, met only the family, "
    "cancelled, planned or proposal"
)

WORDS: dict[str, tuple[str, str]] = {
    "figure.persons_mapped": ("Kartlagda personer", "Persons mapped"),
    "figure.persons_mapped.means": (
        (
            "Personer i kartläggningen vid periodens slut: kartlagda senast sista dagen (eller utan"
            " kartläggningsdatum), sammanslagna dubbletter ej medräknade."
        ),
        (
            "Persons in the mapping at the end of the period: mapped on the last day or earlier (or"
            " without a mapping date), merged duplicates not counted."
        ),
    ),
    "figure.persons_mapped_new": ("Nykartlagda", "Newly mapped"),
    "figure.persons_mapped_new.means": (
        "Personer vars kartläggningsdatum ligger inom perioden.",
        "Persons whose mapping date lies within the period.",
    ),
    "figure.persons_reached": ("Nådda personer", "Persons reached"),
    "figure.persons_reached.means": (
        (
            "Personer som fått budskapet minst en gång under perioden (minst en delgivning, oavsett"
            " kanal)."
        )
        + _AGENCY[0],
        (
            "Persons who received the message at least once during the period (at least one "
            "delivery, whatever the channel)."
        )
        + _AGENCY[1],
    ),
    "figure.reached_more_than_once": ("Nådda mer än en gång", "Reached more than once"),
    "figure.reached_more_than_once.means": (
        (
            "Nådda personer som vid periodens slut fått budskapet minst två gånger totalt "
            "(delgivningar före perioden räknas med)."
        ),
        (
            "Persons reached who by the end of the period had received the message at least twice "
            "in all (deliveries before the period count too)."
        ),
    ),
    "figure.reached_more_than_once_share": (
        "Andel nådda mer än en gång",
        "Share reached more than once",
    ),
    "figure.reached_more_than_once_share.means": (
        "Nådda mer än en gång delat med nådda personer under perioden.",
        "Reached more than once divided by persons reached during the period.",
    ),
    "figure.deliveries": ("Delgivningar", "Deliveries"),
    "figure.deliveries.means": (
        "Antal delgivningar av budskapet under perioden; en person kan ha flera.",
        "The number of deliveries of the message during the period; one person may have several.",
    ),
    "figure.deliveries_by_channel": ("Delgivningar per kanal", "Deliveries by channel"),
    "figure.deliveries_by_channel.means": (
        "Delgivningar under perioden fördelade på hembesök, stormöte, Kriminalvården och annat.",
        (
            "Deliveries during the period by channel: home visit, call-in, the Prison and Probation"
            " Service and other."
        ),
    ),
    "figure.visits": ("Besök", "Visits"),
    "figure.visits.means": (
        "Hembesök med planerad start inom perioden, alla statusar.",
        "Home visits planned to start within the period, any status.",
    ),
    "figure.visits_by_outcome": ("Besök per utfall", "Visits by outcome"),
    "figure.visits_by_outcome.means": (
        f"Besök under perioden efter status: {_STATUSES_SV}.",
        f"Visits during the period by status: {_STATUSES_EN}.",
    ),
    "figure.callin_invitations": ("Inbjudna till stormöte", "Invited to a call-in"),
    "figure.callin_invitations.means": (
        (
            "Inbjudningar till stormöten som hölls eller planerades under perioden (inställda "
            "stormöten ej medräknade). Myndighetsfiltret påverkar inte stormöten."
        ),
        (
            "Invitations to call-ins held or planned during the period (cancelled call-ins not "
            "counted). The agency filter does not affect call-ins."
        ),
    ),
    "figure.callin_attended": ("Deltog i stormöte", "Attended a call-in"),
    "figure.callin_attended.means": (
        "Inbjudningar där personen kom till stormötet (deltog, även om han gick tidigt).",
        "Invitations where the person came to the call-in (attended, even if he left early).",
    ),
    "figure.callin_attendance_rate": ("Andel som deltog", "Share who attended"),
    "figure.callin_attendance_rate.means": (
        "Deltog i stormöte delat med inbjudna till stormöte under perioden.",
        "Attended a call-in divided by invited to a call-in during the period.",
    ),
    "figure.support_offered": ("Stöderbjudanden", "Offers of support"),
    "figure.support_offered.means": (
        (
            "Remisser till stöd vars första steg (erbjudet, eller accepterat direkt) ligger inom "
            "perioden, även de där personen själv tog kontakt, och hembesök inom perioden där stöd "
            "erbjöds vid dörren utan att en remiss öppnades."
        ),
        (
            "Referrals to support whose first step (offered, or accepted directly) lies within the "
            "period, those where the person got in touch himself too, and home visits within the "
            "period where support was offered at the door without a referral being opened."
        ),
    ),
    "figure.support_accepted": ("Accepterat stöd", "Support accepted"),
    "figure.support_accepted.means": (
        "Remisser som fick statusen accepterad under perioden, enligt remissens historik.",
        "Referrals that got the status accepted during the period, by the referral's history.",
    ),
    "figure.support_started": ("Påbörjat stöd", "Support started"),
    "figure.support_started.means": (
        "Remisser där insatsen påbörjades under perioden, enligt remissens historik.",
        "Referrals where the support started during the period, by the referral's history.",
    ),
    "figure.support_completed": ("Slutfört stöd", "Support completed"),
    "figure.support_completed.means": (
        "Remisser där insatsen slutfördes under perioden, enligt remissens historik.",
        "Referrals where the support was completed during the period, by the referral's history.",
    ),
    "figure.self_initiated_contacts": ("Egna kontakter", "Self-initiated contacts"),
    "figure.self_initiated_contacts.means": (
        "Remisser som inleddes under perioden för att personen själv hörde av sig.",
        "Referrals opened during the period because the person got in touch himself.",
    ),
    "figure.days_to_first_delivery_median": (
        "Dagar till första delgivning (median)",
        "Days to the first delivery (median)",
    ),
    "figure.days_to_first_delivery_median.means": (
        (
            "Median av antal dagar från kartläggningsdatum till första delgivningen någonsin, för "
            "personer vars första delgivning ligger inom perioden. Personer utan kartläggningsdatum"
            " eller kartlagda efter delgivningen räknas inte."
        ),
        (
            "The median number of days from the mapping date to the first delivery ever, for "
            "persons whose first delivery lies within the period. Persons without a mapping date or"
            " mapped after the delivery are not counted."
        ),
    ),
    "figure.coverage": ("Täckning per grupp", "Coverage by group"),
    "figure.coverage.means": (
        (
            "För varje grupp: medlemmar under perioden som fått budskapet under perioden, delat med"
            " gruppens medlemmar under perioden."
        ),
        (
            "For each group: members during the period who received the message during the period, "
            "divided by the group's members during the period."
        ),
    ),
    "figure.incidents": ("Händelser", "Incidents"),
    "figure.incidents.means": (
        "Registrerade händelser (bekräftade och troliga) vars tidpunkt ligger inom perioden."
        + _INCIDENT_FILTERS[0],
        "Recorded incidents (confirmed and probable) whose time lies within the period."
        + _INCIDENT_FILTERS[1],
    ),
    "figure.incidents_by_kind": ("Händelser per typ", "Incidents by kind"),
    "figure.incidents_by_kind.means": (
        (
            "Periodens händelser fördelade på typ: skottlossning, sprängning, handgranat, knivvåld,"
            " mord eller försök, hot, annat."
        ),
        (
            "The period's incidents by kind: shooting, explosion, hand grenade, knife violence, "
            "murder or attempt, threat, other."
        ),
    ),
    "figure.group_shootings": ("Gruppkopplade skjutningar", "Group-linked shootings"),
    "figure.group_shootings.means": (
        (
            "Skottlossningar inom perioden där minst en gruppering är kopplad, på misstänkt eller "
            "drabbad sida."
        ),
        (
            "Shootings within the period where at least one group is linked, on the suspected or "
            "the harmed side."
        ),
    ),
    "figure.incident_injured": ("Skadade", "Injured"),
    "figure.incident_injured.means": (
        "Summan av antalet skadade i periodens händelser.",
        "The number of injured in the period's incidents, summed.",
    ),
    "figure.incident_killed": ("Döda", "Killed"),
    "figure.incident_killed.means": (
        "Summan av antalet döda i periodens händelser.",
        "The number of dead in the period's incidents, summed.",
    ),
    "figure.incident_group_pairs": ("Inblandade grupper", "Groups involved"),
    "figure.incident_group_pairs.means": (
        (
            "Antal par av händelse och inblandad gruppering (en grupp räknas en gång per händelse, "
            "oavsett sida)."
        ),
        (
            "Pairs of an incident and a group involved in it (a group counts once per incident, "
            "whatever its side)."
        ),
    ),
    "figure.days_to_group_delivery_median": (
        "Dagar till budskap efter händelse (median)",
        "Days to the message after an incident (median)",
    ),
    "figure.days_to_group_delivery_median.means": (
        (
            "För varje händelse och inblandad grupp: dagar från händelsedagen till den första "
            "delgivningen (alla kanaler) samma dag eller senare, inom perioden, till någon som var "
            "medlem i gruppen den dagen. Median över paren som nåddes."
        ),
        (
            "For each incident and group involved: days from the incident's day to the first "
            "delivery (any channel) that day or later, within the period, to someone who was a "
            "member of the group that day. Median over the pairs reached."
        ),
    ),
    "figure.group_delivery_within_72h_share": (
        "Andel grupper nådda inom 72 timmar",
        "Share of groups reached within 72 hours",
    ),
    "figure.group_delivery_within_72h_share.means": (
        (
            "Par av händelse och inblandad grupp där första delgivningen kom senast tredje dagen "
            "efter händelsedagen, delat med alla par (även de som inte nåddes)."
        ),
        (
            "Pairs of an incident and a group involved where the first delivery came no later than "
            "the third day after the incident's day, divided by all pairs (those not reached too)."
        ),
    ),
    "figure.response_visits_attempted": ("Akuta besök, försökta", "Urgent visits, attempted"),
    "figure.response_visits_attempted.means": (
        (
            "Besök gjorda som svar på en händelse, med tid inom perioden och ett utfall: träffade "
            "honom, bara familjen, ej hemma, nekade eller har flyttat."
        ),
        (
            "Visits made in response to an incident, with a time within the period and an outcome: "
            "met him, met the family only, not at home, refused or has moved."
        ),
    ),
    "figure.response_visits_completed": ("Akuta besök, genomförda", "Urgent visits, completed"),
    "figure.response_visits_completed.means": (
        "Akuta besök där teamet fick kontakt: träffade honom eller bara familjen.",
        "Urgent visits where the team made contact: met him or met the family only.",
    ),
    "figure.response_direct_contact": (
        "Akuta besök, direktkontakt",
        "Urgent visits, direct contact",
    ),
    "figure.response_direct_contact.means": (
        "Akuta besök med utfallet träffade honom.",
        "Urgent visits with the outcome met him.",
    ),
    "figure.response_family_only": ("Akuta besök, bara familjen", "Urgent visits, family only"),
    "figure.response_family_only.means": (
        "Akuta besök med utfallet träffade bara familjen.",
        "Urgent visits with the outcome met the family only.",
    ),
    "figure.visits_per_group_week": ("Besök per grupp och vecka", "Visits per group and week"),
    "figure.visits_per_group_week.means": (
        (
            "För varje grupp inblandad i periodens händelser: försökta besök (alla, inte bara "
            "akuta) till personer som var medlemmar på besöksdagen, delat med periodens antal "
            "veckor (dagar / 7)."
        ),
        (
            "For each group involved in the period's incidents: attempted visits (all, not only "
            "urgent ones) to persons who were members on the day of the visit, divided by the "
            "period's number of weeks (days / 7)."
        ),
    ),
    # How a key figure's value reads on its tile.
    "figure.part_of": ("{part} av {whole}", "{part} of {whole}"),
    "figure.days": ("{days} dagar", "{days} days"),
}
