"""What every figure means, keyed by the figure's stable code.

The words, Swedish and English, are in the one catalogue (``desktop.messages.definitions``,
issue 18): ``figure.<code>`` is the caption, ``figure.<code>.means`` the definition. The
same words are shown as the tile's tooltip and info dialog, printed in the report, written
to the workbooks and listed by ``rondplan stats``, in the reader's language. Codes never
change; the JSON keys of ``rondplan stats`` are these codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.messages import Language, words


@dataclass(frozen=True)
class Definition:
    """A figure's code; its caption and definition in either language."""

    code: str

    def label_in(self, lang: Language) -> str:
        return words(f"figure.{self.code}", {}, lang)

    def text_in(self, lang: Language) -> str:
        return words(f"figure.{self.code}.means", {}, lang)

    @property
    def label(self) -> str:
        """The caption in Swedish (the default language)."""
        return self.label_in("sv")

    @property
    def text(self) -> str:
        """The definition in Swedish (the default language)."""
        return self.text_in("sv")


#: Violence and the response (issue 20).
INCIDENT_DEFINITIONS: tuple[Definition, ...] = tuple(
    Definition(code)
    for code in (
        "incidents",
        "incidents_by_kind",
        "group_shootings",
        "incident_injured",
        "incident_killed",
        "incident_group_pairs",
        "days_to_group_delivery_median",
        "group_delivery_within_72h_share",
        "response_visits_attempted",
        "response_visits_completed",
        "response_direct_contact",
        "response_family_only",
        "visits_per_group_week",
    )
)

DEFINITIONS: dict[str, Definition] = {
    d.code: d
    for d in (
        *(
            Definition(code)
            for code in (
                "persons_mapped",
                "persons_mapped_new",
                "persons_reached",
                "reached_more_than_once",
                "reached_more_than_once_share",
                "deliveries",
                "deliveries_by_channel",
                "visits",
                "visits_by_outcome",
                "callin_invitations",
                "callin_attended",
                "callin_attendance_rate",
                "support_offered",
                "support_accepted",
                "support_started",
                "support_completed",
                "self_initiated_contacts",
                "days_to_first_delivery_median",
                "coverage",
            )
        ),
        *INCIDENT_DEFINITIONS,
    )
}


def definition(code: str, lang: Language = "sv") -> str:
    """The definition text of a figure code (KeyError for an unknown code)."""
    return DEFINITIONS[code].text_in(lang)


def label(code: str, lang: Language = "sv") -> str:
    return DEFINITIONS[code].label_in(lang)
