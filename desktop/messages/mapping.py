"""Words for the mapping error codes: code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "address.street_missing": (
        "Ange gatuadress.",
        "Give the street address.",
    ),
    "group.gone": (
        "Gruppen finns inte.",
        "The group no longer exists.",
    ),
    "group.name_missing": (
        "Ange grupperingens namn.",
        "Give the group's name.",
    ),
    "group.name_taken": (
        "Det finns redan en gruppering med det namnet.",
        "There is already a group with that name.",
    ),
    "link.reason_missing": (
        "Ange skälet till kopplingen.",
        "Give the reason for the link.",
    ),
    "link.review_missing": (
        "Ange när kopplingen ska omprövas.",
        "Give when the link is to be reviewed.",
    ),
    "link.source_missing": (
        "Ange källan till uppgiften.",
        "Give the source of the information.",
    ),
    "merge.person_gone": (
        "Personen finns inte längre eller är redan sammanslagen.",
        "The person no longer exists or has already been merged.",
    ),
    "merge.same_person": (
        "Välj två olika personer att slå ihop.",
        "Choose two different persons to merge.",
    ),
    "person.birth_in_future": (
        "Födelsedatumet ligger i framtiden.",
        "The date of birth lies in the future.",
    ),
    "person.birth_mismatch": (
        "Födelsedatumet stämmer inte med personnumret.",
        "The date of birth does not match the personal identity number.",
    ),
    "person.first_name_missing": (
        "Ange förnamn.",
        "Give the first name.",
    ),
    "person.gone": (
        "Personen finns inte.",
        "The person no longer exists.",
    ),
    "person.last_name_missing": (
        "Ange efternamn.",
        "Give the last name.",
    ),
    "person.photo_too_large": (
        "Fotot är för stort (högst 2 MB).",
        "The photo is too large (at most 2 MB).",
    ),
    "person.priority_range": (
        "Prioritet ska vara 1, 2 eller 3.",
        "The priority must be 1, 2 or 3.",
    ),
    "relation.ends_before_start": (
        "Relationen kan inte sluta innan den började.",
        "The relation cannot end before it began.",
    ),
    "relation.gone": (
        "Relationen finns inte längre.",
        "The relation no longer exists.",
    ),
    "relation.same_group": (
        "Välj två olika grupperingar.",
        "Choose two different groups.",
    ),
    "relative.gone": (
        "Uppgiften om den anhöriga finns inte längre.",
        "The relative's record no longer exists.",
    ),
    "relative.linked_gone": (
        "Den kopplade personen finns inte längre.",
        "The linked person no longer exists.",
    ),
    "relative.relation_missing": (
        "Ange relationen, till exempel mamma eller bror.",
        "Give the relation, for example mother or brother.",
    ),
    "relative.self": (
        "En person kan inte vara sin egen anhörig.",
        "A person cannot be their own relative.",
    ),
    "review.not_ahead": (
        "Nästa omprövning ska ligga framåt i tiden.",
        "The next review must lie ahead in time.",
    ),
}
