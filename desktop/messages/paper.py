"""The printouts' own words (issue 18): the briefing packet and its outcome forms, the
team schedule, the call-in letters and attendance list; code → (Swedish, English).

The internal documents follow the printing user's language; an invitation letter is the
recipient's (Swedish unless the one who prints chooses English). The vocabulary's words
for visit statuses and incident kinds are in ``terms``; the footer's in ``report``.
"""

from __future__ import annotations

from desktop.services.vocabulary import MESSAGE_PART_WORDS, OUTCOME_FIELD_WORDS

_WEEKDAYS = (
    ("måndag", "Monday"),
    ("tisdag", "Tuesday"),
    ("onsdag", "Wednesday"),
    ("torsdag", "Thursday"),
    ("fredag", "Friday"),
    ("lördag", "Saturday"),
    ("söndag", "Sunday"),
)
_MONTHS = (
    ("januari", "January"),
    ("februari", "February"),
    ("mars", "March"),
    ("april", "April"),
    ("maj", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("augusti", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("december", "December"),
)

#: The message's parts and the outcome's fields: the Swedish is the one vocabulary's
#: (``services.vocabulary``, issue 17), the English its Qt Linguist translation's.
_PARTS_EN = {
    "not_suspected": "You are not suspected of a crime",
    "no_harm": "We don't want you to get hurt or to hurt anyone",
    "consequences": "Violence has consequences for the whole group",
    "help": "Help is available if you want it",
}
_FIELDS_EN = {
    "family_present": "Family present",
    "response": "His response",
    "support_asked": "Asked for support",
    "support_offered": "Was offered support",
    "support_accepted": "Accepted support",
    "support_service": "Support service",
    "leave_behind": "Left information material",
    "cancel_reason": "Reason for cancelling",
}

#: The programme texts' built-in defaults (``services.briefing.templates``): seeded in
#: Swedish as a template's first version.
_DEFAULTS_SV = {
    "opening_line": "Du är inte misstänkt för något brott.",
    "message": (
        "Vi är här för att vi bryr oss om dig och din familj. Vi vill inte att du blir "
        "skadad, dödad eller att du skadar någon annan.\n\n"
        "Om någon i gruppen använder våld kommer myndigheterna att fokusera på hela "
        "gruppen, med alla lagliga medel.\n\n"
        "Hjälp finns om du vill: med jobb, skola, boende, att lämna gruppen eller att få "
        "skydd. Hör av dig när du vill."
    ),
    "contacts": "Samordnaren för programmet: se omslaget",
    "confidentiality": "SEKRETESS – får ej spridas (OSL 35 kap. 1 §)",
    "instructions": (
        "Öppna med att han inte är misstänkt för något brott.\n"
        "Håll samtalet kort och respektfullt, gärna vid köksbordet med familjen.\n"
        "Lämna kontaktkortet även om han inte vill prata.\n"
        "Fyll i utfallsblanketten direkt efter besöket."
    ),
    "letter": (
        "Du är inbjuden till ett möte där polisen, socialtjänsten och Kriminalvården "
        "vill berätta om vad som händer nu i staden och vilken hjälp som finns för dig.\n\n"
        "Du är inte misstänkt för något brott. Mötet tar ungefär en timme. Du får gärna "
        "ta med en förälder eller någon annan vuxen du litar på."
    ),
    # {namn}, {roll} and {telefon} are the programme's contact; an administrator may
    # write a fixed line instead (e.g. the programme's own phone number).
    "letter_contact": "Frågor om mötet? Ring {namn}, {roll}, tel. {telefon}.",
}
#: The programme texts' built-in defaults in English, printed under English while an
#: administrator has not written their own (an edited template prints as written).
_DEFAULTS_EN = {
    "opening_line": "You are not suspected of any crime.",
    "message": (
        "We are here because we care about you and your family. We don't want you to be "
        "hurt, killed or to hurt someone else.\n\n"
        "If anyone in the group uses violence, the authorities will focus on the whole "
        "group, with every lawful means.\n\n"
        "Help is available if you want it: with work, school, housing, leaving the group "
        "or getting protection. Get in touch whenever you want."
    ),
    "contacts": "The programme's coordinator: see the cover",
    "confidentiality": "CONFIDENTIAL – not to be shared (OSL ch. 35 § 1)",
    "instructions": (
        "Open by saying that he is not suspected of any crime.\n"
        "Keep the talk short and respectful, preferably at the kitchen table with the family.\n"
        "Leave the contact card even if he does not want to talk.\n"
        "Fill in the outcome form right after the visit."
    ),
    "letter": (
        "You are invited to a meeting where the police, social services and the Prison and "
        "Probation Service want to tell you what is happening in the city now and what help "
        "there is for you.\n\n"
        "You are not suspected of any crime. The meeting takes about an hour. You are "
        "welcome to bring a parent or another adult you trust."
    ),
    "letter_contact": "Questions about the meeting? Call {namn}, {roll}, tel. {telefon}.",
}
_TEMPLATE_TITLES = {
    "opening_line": ("Inledningsfras", "Opening line"),
    "message": ("Budskapet", "The message"),
    "contacts": ("Kontakter", "Contacts"),
    "confidentiality": ("Sekretessmärkning", "Confidentiality marking"),
    "instructions": ("Att tänka på (omslag)", "Keep in mind (cover)"),
    "letter": ("Inbjudningsbrev", "Invitation letter"),
    "letter_contact": ("Kontaktrad i inbjudningsbrevet", "Contact line in the invitation letter"),
}

WORDS: dict[str, tuple[str, str]] = {
    **{f"paper.weekday.{en.lower()}": (sv, en) for sv, en in _WEEKDAYS},
    **{f"paper.month.{en.lower()}": (sv, en) for sv, en in _MONTHS},
    **{f"paper.part.{code}": (MESSAGE_PART_WORDS[code], en) for code, en in _PARTS_EN.items()},
    **{f"paper.field.{code}": (OUTCOME_FIELD_WORDS[code], en) for code, en in _FIELDS_EN.items()},
    **{f"paper.template.{code}": pair for code, pair in _TEMPLATE_TITLES.items()},
    "paper.at_time": ("{date} kl. {time}", "{date} at {time}"),
    # Every page.
    "paper.serial": ("Nr {serial}", "No. {serial}"),
    "paper.copy_of": ("{agency}s exemplar ({code})", "{agency}'s copy ({code})"),
    "paper.copy": ("{agency}s exemplar", "{agency}'s copy"),
    # A team member's agency beside the name on a schedule: "Anna Berg (polis)".
    "paper.agency_short.police": ("polis", "police"),
    "paper.agency_short.social": ("soc", "social services"),
    "paper.agency_short.probation": ("krim", "probation"),
    "paper.only_for": ("ENDAST FÖR {agency}", "ONLY FOR {agency}"),
    "paper.own_agency": ("den egna myndigheten", "your own agency"),
    "paper.no_data": ("Inga uppgifter.", "No data."),
    "paper.cut_here": ("klipp här", "cut here"),
    "paper.no_photo": ("Foto saknas", "No photo"),
    # The briefing packet: the cover.
    "paper.briefing": ("Genomgångsunderlag", "Briefing packet"),
    "paper.operation": ("Insats", "Operation"),
    "paper.coordinator": ("Samordnare", "Coordinator"),
    "paper.visit_count": ("Antal besök", "Number of visits"),
    "paper.copy_label": ("Exemplar", "Copy"),
    "paper.the_team": ("Teamet", "The team"),
    "paper.col_name": ("Namn", "Name"),
    "paper.col_agency": ("Myndighet", "Agency"),
    "paper.col_talk_role": ("Roll i samtalet", "Role in the talk"),
    "paper.col_phone": ("Telefon", "Phone"),
    "paper.visits_in_order": ("Besök i planerad ordning", "Visits in planned order"),
    "paper.col_number": ("Nr", "No."),
    "paper.col_time": ("Tid", "Time"),
    "paper.col_area": ("Område", "Area"),
    "paper.col_group": ("Grupp", "Group"),
    "paper.no_visits": ("Inga besök planerade.", "No visits planned."),
    "paper.keep_in_mind": ("Att tänka på", "Keep in mind"),
    "paper.packet_secret": (
        "Underlaget innehåller uppgifter som omfattas av sekretess. Förvara det oåtkomligt "
        "för obehöriga, lämna aldrig kvar det hos den besökte och lämna tillbaka det till "
        "samordnaren efter passet.",
        "The packet holds confidential information. Keep it out of reach of anyone not "
        "authorised, never leave it with the person visited, and return it to the "
        "coordinator after the shift.",
    ),
    "paper.no_coordinator": ("Ingen samordnare angiven", "No coordinator given"),
    "paper.talk.lead": ("leder samtalet", "leads the talk"),
    "paper.talk.speaker": ("talar", "speaks"),
    "paper.talk.support": ("stöd och säkerhet", "support and safety"),
    # One visit's sheet.
    "paper.visit_of": (
        "BESÖK {number} AV {total}  ·  REF {reference}",
        "VISIT {number} OF {total}  ·  REF {reference}",
    ),
    "paper.protected_printed": (
        "SKYDDAD IDENTITET – adressen är utskriven på särskilt beslut. Den får inte lämnas "
        "ut, inte sägas högt och inte lämnas kvar.",
        "PROTECTED IDENTITY – the address is printed by special decision. It must not be "
        "given out, said aloud or left behind.",
    ),
    "paper.safety": ("SÄKERHET", "SAFETY"),
    "paper.message": ("Budskapet", "The message"),
    "paper.support_to_offer": ("Stöd att erbjuda", "Support to offer"),
    "paper.contact_to_leave": ("Kontakt att lämna:", "Contact to leave:"),
    "paper.current": ("Aktuellt", "Current"),
    "paper.conflict": ("Konflikt:", "Conflict:"),
    "paper.group_violence": (
        "Våld som rör gruppen ({days} dagar):",
        "Violence touching the group ({days} days):",
    ),
    "paper.earlier_contacts": ("Tidigare kontakter", "Earlier contacts"),
    "paper.no_message_yet": (
        "Har inte fått budskapet tidigare.",
        "Has not received the message before.",
    ),
    "paper.family_home": ("Familj som kan vara hemma", "Family who may be at home"),
    "paper.known_as": ("Kallas: {names}", "Known as: {names}"),
    "paper.age": ("Ålder", "Age"),
    "paper.years": ("{age} år", "{age} years"),
    "paper.language": ("Språk", "Language"),
    "paper.interpreter": ("tolk behövs: {language}", "interpreter needed: {language}"),
    "paper.interpreter_yes": ("ja", "yes"),
    "paper.group": ("Grupp", "Group"),
    "paper.address": ("Adress", "Address"),
    "paper.access": ("Tillträde", "Access"),
    "paper.address_withheld": (
        "Skyddad identitet – adressen skrivs inte ut.",
        "Protected identity – the address is not printed.",
    ),
    "paper.address_orally": (
        "Samordnaren lämnar den muntligt.",
        "The coordinator gives it orally.",
    ),
    "paper.address_changed": (
        "Adressen har ändrats sedan planeringen",
        "The address has changed since planning",
    ),
    "paper.protected_area": ("Skyddad adress", "Protected address"),
    "paper.unknown_area": ("Okänt område", "Unknown area"),
    "paper.help_offer": ("Hjälp finns om du vill", "Help is available if you want it"),
    "paper.notes_from": ("Anteckningar från {agency}", "Notes from {agency}"),
    # What the sheet says about him (services.briefing.context).
    "paper.role.leader": ("ledare", "leader"),
    "paper.role.core": ("kärnmedlem", "core member"),
    "paper.role.member": ("medlem", "member"),
    "paper.role.associate": ("närstående till gruppen", "associated with the group"),
    "paper.role.peripheral": ("perifer", "peripheral"),
    "paper.channel.home_visit": ("Hembesök", "Home visit"),
    "paper.channel.call_in": ("Stormöte", "Call-in"),
    "paper.channel.probation": ("Via Kriminalvården", "Through Prison and Probation"),
    "paper.channel.other": ("Annan kanal", "Other channel"),
    "paper.invitation.invited": ("inbjuden", "invited"),
    "paper.invitation.attended": ("kom", "came"),
    "paper.invitation.no_show": ("kom inte", "did not come"),
    "paper.invitation.left_early": ("gick tidigt", "left early"),
    "paper.invitation.excused": ("återbud", "sent apologies"),
    "paper.delivered": ("{channel}: budskapet delgavs", "{channel}: the message was delivered"),
    "paper.conflict_active": ("{group} (aktiv)", "{group} (active)"),
    "paper.since": ("sedan {day}", "since {day}"),
    "paper.focus_ongoing": ("pågår", "ongoing"),
    "paper.focus_ended": ("avslutad {day}", "ended {day}"),
    "paper.focus": (
        "Ökat fokus på gruppen ({state}): {trigger}",
        "Increased focus on the group ({state}): {trigger}",
    ),
    # Violence on the packet (services.incidents.briefing).
    "paper.side.suspected": ("misstänkt sida", "the suspected side"),
    "paper.side.victim": ("drabbad sida", "the victim side"),
    "paper.in_place": (" i {place}", " in {place}"),
    "paper.injured_one": ("{n} skadad", "{n} injured"),
    "paper.injured_many": ("{n} skadade", "{n} injured"),
    "paper.killed_one": ("{n} död", "{n} killed"),
    "paper.killed_many": ("{n} döda", "{n} killed"),
    "paper.probable": (" – trolig", " – probable"),
    "paper.incident_line": ("{kind}{place}: {group} på {side}", "{kind}{place}: {group} on {side}"),
    "paper.urgent": (
        "AKUT – svar på {kind}{place} {day}",
        "URGENT – response to {kind}{place} {day}",
    ),
    # The outcome form.
    "paper.outcome_of": (
        "UTFALL  ·  BESÖK {number} AV {total}  ·  REF {reference}",
        "OUTCOME  ·  VISIT {number} OF {total}  ·  REF {reference}",
    ),
    "paper.outcome_for": ("Utfall – {name}", "Outcome – {name}"),
    "paper.filled_in": (
        "ref {reference}  ·  fylls i på plats",
        "ref {reference}  ·  filled in on the spot",
    ),
    "paper.message_delivered": ("Budskapet framfört", "Message delivered"),
    "paper.support_material": ("Stöd och material", "Support and material"),
    "paper.follow_up": ("UPPFÖLJNING – VAD, VEM, NÄR", "FOLLOW-UP – WHAT, WHO, WHEN"),
    "paper.notes_signature": ("ANTECKNINGAR, KLOCKSLAG, SIGNATUR", "NOTES, TIME, SIGNATURE"),
    # The team schedule.
    "paper.schedule": ("Insatsplan", "Operation schedule"),
    "paper.visits_counted": ("{n} besök|{n} besök", "{n} visit|{n} visits"),
    "paper.teams_counted": ("{n} team|{n} team", "{n} team|{n} teams"),
    "paper.week": ("Vecka {week}", "Week {week}"),
    "paper.all_teams": ("Alla team", "All teams"),
    # Call-ins: the attendance list and the letters.
    "paper.attendees": ("Deltagarlista stormöte", "Call-in attendance list"),
    "paper.invited_count": ("{n} inbjudna", "{n} invited"),
    "paper.came_count": (
        ", {came} av {recorded} registrerade kom",
        ", {came} of {recorded} recorded came",
    ),
    "paper.yes": ("Ja", "Yes"),
    "paper.no": ("Nej", "No"),
    "paper.col_invited_via": ("Inbjuden via", "Invited through"),
    "paper.col_date": ("Datum", "Date"),
    "paper.col_came": ("Kom", "Came"),
    "paper.col_note": ("Anteckning", "Note"),
    "paper.nobody_invited": ("Ingen är inbjuden.", "Nobody is invited."),
    "paper.accompanied": ("med {who}", "with {who}"),
    "paper.letters": ("Inbjudan till stormöte", "Invitation to a call-in"),
    "paper.salutation": ("Hej {name}!", "Hello {name},"),
    "paper.when": ("När", "When"),
    "paper.where": ("Var", "Where"),
    "paper.regards": ("Med vänlig hälsning", "Kind regards"),
    "paper.coordinator_of": ("samordnare, {agency}", "coordinator, {agency}"),
}

#: Weekday codes, Monday first, and month codes, January first (``paper.weekday.<code>``).
WEEKDAY_CODES: tuple[str, ...] = tuple(en.lower() for _sv, en in _WEEKDAYS)
MONTH_CODES: tuple[str, ...] = tuple(en.lower() for _sv, en in _MONTHS)

#: Template key → (Swedish default, English default), in the editor's order.
DEFAULT_TEXTS: dict[str, tuple[str, str]] = {
    k: (sv, _DEFAULTS_EN[k]) for k, sv in _DEFAULTS_SV.items()
}
