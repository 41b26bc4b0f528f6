"""Fixed texts of the demo: templates, the support catalogue, note and task phrases.

All of it is fictitious. Template keys are the ones the briefing and letters read.
"""

from __future__ import annotations

from desktop.models import SupportKind

OPENING_LINE = "Du är inte misstänkt för något brott."

TEMPLATES: dict[str, str] = {
    "opening_line": OPENING_LINE,
    "message": (
        "Vi är här för att vi bryr oss om dig och din familj. Vi vill inte att du blir "
        "skadad, dödad eller att du skadar någon annan.\n\n"
        "Vi vet att våldet i staden hänger ihop med grupper som den du rör dig i. Om någon "
        "i gruppen använder våld kommer polisen att fokusera på hela gruppen, och alla "
        "lagliga medel kommer att användas.\n\n"
        "Hjälp finns om du vill: med jobb, skola, boende, att lämna gruppen eller att få "
        "skydd. Ring oss när du vill – dörren är öppen."
    ),
    "contacts": (
        "Samordnare Sluta skjut (demo): 070-174 06 05\n"
        "Avhopparverksamheten (demo): 070-174 06 06\n"
        "Socialtjänstens jour (demo): 070-174 06 07"
    ),
    "confidentiality": "SEKRETESS – får ej spridas (OSL 35 kap. 1 §) · FIKTIVA DEMODATA",
}

# (name, kind, provider, agency code or None, description)
SUPPORT_CATALOGUE: tuple[tuple[str, SupportKind, str, str | None, str], ...] = (
    (
        "Avhopparprogrammet",
        SupportKind.EXIT,
        "Socialtjänsten Malmö",
        "social",
        "Stöd att lämna en kriminell grupp: samtal, planering, praktisk hjälp.",
    ),
    (
        "Jobbspåret",
        SupportKind.EMPLOYMENT,
        "Arbetsmarknadsavdelningen",
        None,
        "Praktik, anställningsstöd och hjälp med CV och intervjuer.",
    ),
    (
        "Studiestart",
        SupportKind.EDUCATION,
        "Komvux Malmö",
        None,
        "Hjälp att läsa in grundskola och gymnasium, studievägledning.",
    ),
    (
        "Boende och flytt",
        SupportKind.HOUSING,
        "Socialtjänsten Malmö",
        "social",
        "Akut och långsiktigt boende, hjälp att flytta från området.",
    ),
    (
        "Beroendemottagningen",
        SupportKind.ADDICTION,
        "Region Skåne",
        None,
        "Behandling vid missbruk av alkohol, narkotika eller spel.",
    ),
    (
        "Familjestöd",
        SupportKind.FAMILY,
        "Socialtjänsten Malmö",
        "social",
        "Samtal och stöd för föräldrar och syskon.",
    ),
    (
        "Skydd och säkerhet",
        SupportKind.PROTECTION,
        "Polisen Syd",
        "police",
        "Hotbedömning, skyddsåtgärder och kontakt med brottsofferjour.",
    ),
    (
        "Skuldrådgivning",
        SupportKind.DEBT,
        "Budget- och skuldrådgivningen",
        None,
        "Hjälp med skulder, avbetalningsplaner och kontakt med fordringsägare.",
    ),
    (
        "Frivård och stöd under övervakning",
        SupportKind.OTHER,
        "Kriminalvården Frivård Malmö",
        "probation",
        "Påverkansprogram och stöd under villkorlig frigivning.",
    ),
)

NOTE_TEXTS: dict[str, tuple[str, ...]] = {
    "police": (
        "Har setts i området kring torget kvällstid tillsammans med två andra i gruppen.",
        "Uppgift om att han kan ha hotats efter händelsen i somras.",
        "Bedömning: risk för vedergällning mot honom eller familjen.",
        "Hund i lägenheten. Gå två och två, ring på en gång.",
        "Brodern är tidigare känd; kan vara hemma på kvällar.",
    ),
    "social": (
        "Familjen har haft kontakt med socialtjänsten tidigare; mamman är positiv till stöd.",
        "Han har hoppat av gymnasiet och söker jobb. Uttryckt intresse för Jobbspåret.",
        "Bedömning: motiverad men rädd för vad gruppen säger.",
        "Yngre syskon i hemmet; tolk behövs för föräldrarna.",
        "Har tackat nej till samtal tidigare men tog emot broschyren.",
    ),
    "probation": (
        "Villkorligt frigiven; anmälningsplikt varje tisdag.",
        "Deltar i påverkansprogram, har missat ett tillfälle.",
        "Bedömning: stabil period, ny bostad på gång.",
        "Övervakare har god kontakt; föreslår gemensamt besök.",
    ),
}

TASK_TITLES: tuple[str, ...] = (
    "Ring tillbaka efter besöket",
    "Följ upp erbjudandet om stöd",
    "Nytt besök efter inte hemma",
    "Kontakta familjen med tolk",
    "Följ upp uteblivet stormöte",
    "Se över kartläggningen",
    "Boka möte med avhopparverksamheten",
)

SANCTION_TRIGGERS: tuple[str, ...] = (
    "Skottlossning i området, en person skadad.",
    "Grovt våld mot person med koppling till rivaliserande grupp.",
    "Sprängning vid en port; ingen skadad.",
)

SANCTION_MEASURES = "Ökad närvaro, kontroller, förverkande av villkor, tillslag mot handel."

ACCESS_NOTES: tuple[str, ...] = (
    "Portkod 1234 (demo).",
    "Hund i lägenheten.",
    "Ringklockan fungerar inte, knacka.",
    "Ingång från gården.",
    "Bor med mamma och två yngre syskon.",
    "",
    "",
    "",
)

RESPONSES: tuple[str, ...] = (
    "Lyssnade och tackade för besöket.",
    "Mamman var tacksam; han var tyst men lyssnade.",
    "Frågade om jobb och körkort.",
    "Ville inte prata länge men tog emot visitkortet.",
    "Arg i början, lugnare efter en stund.",
)

CALL_IN_VENUES: tuple[str, ...] = ("Malmö rådhus, sal 3 (demo)", "Stadsbiblioteket, Salen (demo)")
