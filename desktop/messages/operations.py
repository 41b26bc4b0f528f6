"""Words for the operations error codes: code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "absence.ends_before_start": (
        "Frånvaron kan inte sluta före den börjar.",
        "The absence cannot end before it begins.",
    ),
    "followup.gone": (
        "Uppföljningen finns inte längre.",
        "The follow-up no longer exists.",
    ),
    "followup.title_missing": (
        "Skriv vad som ska göras.",
        "Write what is to be done.",
    ),
    "operation.closed": (
        "Insatsen är avslutad.",
        "The operation is closed.",
    ),
    "operation.ends_before_start": (
        "Insatsen kan inte sluta före den börjar.",
        "The operation cannot end before it begins.",
    ),
    "operation.gone": (
        "Insatsen finns inte.",
        "The operation no longer exists.",
    ),
    "operation.name_missing": (
        "Ge insatsen ett namn.",
        "Give the operation a name.",
    ),
    "operation.person_gone": (
        "En av personerna finns inte längre.",
        "One of the persons no longer exists.",
    ),
    "operation.visits_outside_period": (
        "{count} besök ligger utanför den nya perioden ({days}). Flytta dem in i perioden "
        "eller ställ in dem först.",
        "{count} visits lie outside the new period ({days}). Move them into the period or "
        "cancel them first.",
    ),
    "operation.too_long": (
        "En insats kan vara högst tre månader lång.",
        "An operation can be at most three months long.",
    ),
    "outcome.follow_up_due_missing": (
        "Ange när uppföljningen ska vara klar.",
        "Give when the follow-up is to be done.",
    ),
    "outcome.nothing_to_undo": (
        "Besöket har inget utfall att ångra.",
        "The visit has no outcome to undo.",
    ),
    "outcome.parts_without_meeting": (
        "Budskapet kan bara ha framförts om ni träffade honom eller familjen.",
        "The message can only have been delivered if you met him or the family.",
    ),
    "outcome.plan_not_accepted": (
        "Godkänn planen innan utfall registreras.",
        "Accept the plan before recording outcomes.",
    ),
    "outcome.status_missing": (
        "Välj hur besöket gick.",
        "Choose how the visit went.",
    ),
    "outcome.support_followed_up": (
        "Stödet från besöket har redan följts upp; ändra remissen under Stöd först.",
        "The support from the visit has already been followed up; change the referral "
        "under Support first.",
    ),
    "outcome.support_service_missing": (
        "Välj vilket stöd han tackade ja till.",
        "Choose which support he accepted.",
    ),
    "outcome.visit_in_future": (
        "Besöket har inte ägt rum ännu. Kryssa i ”Registreras i förväg” om utfallet redan är känt.",
        "The visit has not taken place yet. Tick “Recorded in advance” if the outcome is "
        "already known.",
    ),
    "plan.no_targets": (
        "Insatsen har inga målpersoner ännu.",
        "The operation has no target persons yet.",
    ),
    "plan.no_teams": (
        "Insatsen har inga team ännu.",
        "The operation has no teams yet.",
    ),
    "plan.nothing_to_accept": (
        "Det finns inget förslag att godkänna.",
        "There is no proposal to accept.",
    ),
    "plan.period_over": (
        "Insatsens period är slut; det finns inga dagar kvar att planera.",
        "The operation's period is over; there are no days left to plan.",
    ),
    "plan.revisit_own_team": (
        "Som teamledare föreslår du nya besök bara för ditt eget teams besök.",
        "As a team lead you propose new visits only for your own team's visits.",
    ),
    "plan.revisit_only_not_home": (
        "Nytt besök föreslås bara när ingen var hemma.",
        "A new visit is proposed only when no one was at home.",
    ),
    "schedule.no_teams": (
        "Inget team har besök under perioden, så det finns inget schema att skriva ut.",
        "No team has visits in the period, so there is no schedule to print.",
    ),
    "staff.gone": (
        "Medarbetaren finns inte längre.",
        "The staff member no longer exists.",
    ),
    "staff.one_gone": (
        "En av medarbetarna finns inte längre.",
        "One of the staff members no longer exists.",
    ),
    "team.gone": (
        "Teamet finns inte längre.",
        "The team no longer exists.",
    ),
    "team.has_visits": (
        "Teamet har planerade eller genomförda besök. Flytta dem först.",
        "The team has planned or completed visits. Move them first.",
    ),
    "team.max_per_day_range": (
        "Högst antal besök per dag ska vara 1–{limit}.",
        "The most visits per day must be 1–{limit}.",
    ),
    "team.name_missing": (
        "Ge teamet ett namn.",
        "Give the team a name.",
    ),
    "team.not_in_operation": (
        "Teamet finns inte i insatsen.",
        "The team is not part of the operation.",
    ),
    "visit.cancel_only_open": (
        "Bara planerade och föreslagna besök kan ställas in.",
        "Only planned and proposed visits can be cancelled.",
    ),
    "visit.gone": (
        "Besöket finns inte längre.",
        "The visit no longer exists.",
    ),
    "visit.move_only_open": (
        "Bara planerade och föreslagna besök kan flyttas.",
        "Only planned and proposed visits can be moved.",
    ),
    "visit.no_address_that_day": (
        "Personen har ingen adress som gäller den dagen.",
        "The person has no address valid on that day.",
    ),
    "visit.restore_outside_operation": (
        "Besöket ligger utanför insatsens period och kan inte återställas. Förläng perioden först.",
        "The visit lies outside the operation's period and cannot be restored. Extend the "
        "period first.",
    ),
    "visit.outside_operation": (
        "Besöket kan inte flyttas utanför insatsens period.",
        "The visit cannot be moved outside the operation's period.",
    ),
    "visit.no_operation": (
        "Besöket hör inte till någon insats.",
        "The visit belongs to no operation.",
    ),
    "visit.restore_only_cancelled": (
        "Bara inställda besök kan återställas.",
        "Only cancelled visits can be restored.",
    ),
    "visit.restore_status": (
        "Ett inställt besök återställs som planerat eller föreslaget.",
        "A cancelled visit is restored as planned or proposed.",
    ),
    "outcome.nothing_to_correct": (
        "Besöket har inget utfall att rätta.",
        "The visit has no outcome to correct.",
    ),
}
