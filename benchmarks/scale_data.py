"""A national-scale case register written straight in SQL (issue 19): fast enough for a test.

100,000 persons with one address each, visits spread over ten years (one operation a
month, eight teams each), a delivery for every visit met and support offered at two of
three, then VACUUM ANALYZE. Names follow a skewed Swedish mix (many Berg/Johansson, few
Åberg), a tenth have an alias, every person a personnummer; visits fall on persons with
a skew (some visited often, most once or never). The owner writes it (on a server no
user role writes unaudited), with the secondary indexes dropped first and built again
after: one sorted build each instead of 500,000 insertions into every B-tree and
trigram index (3 min -> well under one at load 20). The index definitions are the
database's own (pg_indexes), so what is built again is exactly what the migrations made.
"""

from __future__ import annotations

import datetime as dt

import psycopg

# The first and last day visits fall on; one operation per month in between.
FIRST_DAY = dt.date(2017, 1, 1)
DAYS = 3652
TABLES = ("person", "address", "visit", "delivery")

_FIRST = [
    "Adam",
    "Erik",
    "Mohammed",
    "Hassan",
    "Oskar",
    "Liam",
    "Noah",
    "Ahmed",
    "Marcus",
    "Elias",
    "Hugo",
    "Ali",
    "Omar",
    "Leo",
    "Isak",
    "Lucas",
    "Karl",
    "Axel",
    "Filip",
    "Anton",
    "Maja",
    "Alice",
    "Sara",
    "Fatima",
    "Ella",
    "Wilma",
    "Amira",
    "Nora",
    "Olivia",
    "Ebba",
]
_LAST = [
    "Johansson",
    "Andersson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Lindström",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Hussein",
    "Mohamed",
    "Ali",
    "Ahmed",
    "Sandberg",
    "Forsberg",
    "Åberg",
    "Öberg",
    "Ekström",
    "Holm",
    "Sjöberg",
    "Wallin",
    "Engström",
    "Lund",
    "Nyström",
    "Fredriksson",
    "Mattsson",
    "Hassan",
    "Abdi",
    "Yilmaz",
    "Kaya",
    "Nowak",
    "Novak",
    "Korhonen",
    "Virtanen",
]


def _array(words: list[str]) -> str:
    return "ARRAY[" + ", ".join("'" + w + "'" for w in words) + "]"


def _statements(persons: int, visits: int) -> list[str]:
    first, last = _array(_FIRST), _array(_LAST)
    start = FIRST_DAY.isoformat()
    return [
        "SELECT setseed(0.19)",
        # A skewed pick: power 2 of a uniform number favours the front of each list.
        "INSERT INTO person (first_name, last_name, aliases, identity_number, identity_kind, "
        "birth_date, interpreter_need, status, category, protected_identity, at_risk_victim, "
        "at_risk_shooter, priority, version, created_at, updated_at, mapped_on) "
        f"SELECT ({first})[1 + floor(random() * {len(_FIRST)})::int], "
        f"({last})[1 + floor(random() ^ 2 * {len(_LAST)})::int], "
        "CASE WHEN g % 10 = 0 THEN 'Lillen ' || g ELSE '' END, "
        "to_char(b, 'YYYYMMDD') || '-' || lpad((g % 10000)::text, 4, '0'), 'personnummer', b, "
        "g % 7 = 0, (ARRAY['active','active','active','inactive','moved','in_custody'])"
        "[1 + g % 6], (ARRAY['suspect','convicted','victim','relative','other'])[1 + g % 5], "
        "g % 500 = 0, g % 50 = 0, g % 70 = 0, g % 4, 1, now(), now(), "
        f"date '{start}' + (g * 37 % {DAYS}) "
        f"FROM (SELECT g, date '1960-01-01' + floor(random() * 18000)::int AS b "
        f"FROM generate_series(1, {persons}) g) born",
        "INSERT INTO address (person_id, street, postcode, city, area, valid_from, "
        "access_notes, version) SELECT id, 'Storgatan ' || (id % 180 + 1), "
        "lpad((11000 + id % 88000)::text, 5, '0'), (ARRAY['Malmö','Göteborg','Stockholm',"
        "'Uppsala','Örebro'])[1 + id % 5], 'Område ' || (id % 60), "
        f"date '{start}' - 400, '', 1 FROM person",
        "INSERT INTO operation (name, start_date, end_date, purpose, status, version, "
        "created_at, updated_at) SELECT 'Insats ' || m, "
        f"(date '{start}' + make_interval(months => m))::date, "
        f"(date '{start}' + make_interval(months => m + 1))::date - 1, '', 'active', 1, "
        f"now(), now() FROM generate_series(0, {DAYS // 30}) m",
        "INSERT INTO team (name, operation_id, colour_index, max_visits_per_day, version) "
        "SELECT 'Team ' || t, o.id, t, 12, 1 FROM operation o, generate_series(1, 8) t",
        "INSERT INTO visit (operation_id, person_id, team_id, starts_at, ends_at, address_id, "
        "status, order_in_day, family_present, part_not_suspected, part_no_harm, "
        "part_consequences, part_help, response, support_asked, support_offered, "
        "support_accepted, leave_behind, version, created_at, updated_at) "
        "SELECT o.id, x.p, t.id, x.s, x.s + interval '45 minutes', a.id, "
        "CASE WHEN x.s > timestamp '2026-11-20' THEN 'planned' ELSE "
        "(ARRAY['met','met','met','not_home','not_home','cancelled','refused','family_only'])"
        "[1 + x.v % 8] END, x.v % 10, '', true, true, true, true, '', false, "
        # Support offered at two of every three visits met (the dashboard counts them).
        "x.s <= timestamp '2026-11-20' AND x.v % 8 IN (0, 2), false, false, 1, now(), now() "
        "FROM (SELECT v, (SELECT min(id) FROM person) "
        f"+ floor(random() ^ 1.5 * {persons})::int AS p, "
        f"timestamp '{start} 08:00' + floor(random() * {DAYS}) * interval '1 day' "
        "+ (v % 10) * interval '1 hour' AS s "
        f"FROM generate_series(1, {visits}) v) x "
        # Only this register's own operations: another made before (the load test's
        # users' database has one for June 2026) would get a second copy of each visit.
        "JOIN operation o ON x.s::date BETWEEN o.start_date AND o.end_date "
        "AND o.name LIKE 'Insats %' "
        "JOIN team t ON t.operation_id = o.id AND t.colour_index = 1 + x.v % 8 "
        "JOIN address a ON a.person_id = x.p",
        "INSERT INTO delivery (person_id, delivered_on, channel, visit_id, part_not_suspected, "
        "part_no_harm, part_consequences, part_help, created_at) "
        "SELECT person_id, starts_at::date, 'home_visit', id, true, true, true, true, now() "
        "FROM visit WHERE status = 'met'",
    ]


def fill(conninfo: str, persons: int = 100_000, visits: int = 500_000) -> None:
    """Write the register into the (empty) database at ``conninfo`` as its owner."""
    with psycopg.connect(conninfo, autocommit=True) as conn:
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
            "AND tablename = ANY(%s) AND indexname NOT LIKE 'pk\\_%%'",
            (list(TABLES),),
        ).fetchall()
        with conn.transaction():
            conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for name, _ in indexes:
                conn.execute(f'DROP INDEX "{name}"')
            for statement in _statements(persons, visits):
                conn.execute(statement)
            for _, definition in indexes:
                conn.execute(definition)
        # As autovacuum leaves a server in use: statistics, and the visibility map that
        # lets a count read an index alone.
        for table in (*TABLES, "operation", "team"):
            conn.execute(f"VACUUM ANALYZE {table}")
