"""Words for what a verification of the processing log finds (``ChainReport.code``):
code → (Swedish, English)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "chain.alarm": (
        "Varning: {finding}. Händelsen är loggad; kontakta en administratör.",
        "Warning: {finding}. The event is logged; contact an administrator.",
    ),
    "chain.anchor_ahead": (
        "loggen stämmer inte med den du själv senast såg (post {seq}): databasen har "
        "rullats tillbaka, kapats eller skrivits om",
        "the log does not match the one you yourself last saw (entry {seq}): the database "
        "has been rolled back, cut or rewritten",
    ),
    "chain.anchor_invalid": (
        "din egen kontrollpunkt (i din användarmapp) är ändrad",
        "your own checkpoint (in your user folder) has been changed",
    ),
    "chain.changed": (
        "post {seq} har ändrats i efterhand",
        "entry {seq} has been changed afterwards",
    ),
    "chain.checkpoint_invalid": (
        "kontrollpunktsfilen (.audit) är ändrad eller hör till en annan databas",
        "the checkpoint file (.audit) has been changed or belongs to another database",
    ),
    "chain.checkpoint_missing": (
        "kontrollpunktsfilen (.audit) saknas; flytta alltid den tillsammans med databasen",
        "the checkpoint file (.audit) is missing; always move it together with the database",
    ),
    "chain.link_broken": (
        "kedjan bryts vid post {seq} (poster flyttade eller infogade)",
        "the chain breaks at entry {seq} (entries moved or inserted)",
    ),
    "chain.missing": (
        "post {seq} saknas (borttagen)",
        "entry {seq} is missing (removed)",
    ),
    "chain.records": (
        "konton, roller, myndigheter eller myndighetsnycklar har ändrats utan "
        "administratörens underskrift",
        "accounts, roles, agencies or agency keys have been changed without the "
        "administrator's signature",
    ),
    "chain.server_checkpoint_changed": (
        "Kontrollpunktsfilen för servern är ändrad.",
        "The checkpoint file for the server has been changed.",
    ),
    "chain.server_history_lost": (
        "Behandlingsloggen på servern saknar poster som den här arbetsstationen redan har "
        "sett (från och med post {seq}), så historik har gått förlorad, till exempel vid ett "
        "byte till en reservserver utan synkron replikering: kontakta administratören.",
        "The processing log on the server lacks entries this workstation has already seen "
        "(from entry {seq} on), so history has been lost, for example in a switch to a "
        "standby server without synchronous replication: contact the administrator.",
    ),
    "chain.signature": (
        "post {seq} har ingen giltig underskrift av den som skrev den (förfalskad eller ändrad)",
        "entry {seq} has no valid signature of the one who wrote it (forged or changed)",
    ),
    "chain.sound": (
        "behandlingsloggen är hel ({entries} poster)",
        "the processing log is complete ({entries} entries)",
    ),
    "chain.sound_one": (
        "behandlingsloggen är hel ({entries} post)",
        "the processing log is complete ({entries} entry)",
    ),
    "chain.truncated": (
        "posterna från och med {seq} saknas: loggen har kapats eller databasen har rullats "
        "tillbaka (ersatts med en äldre kopia)",
        "the entries from {seq} on are missing: the log has been cut or the database has "
        "been rolled back (replaced with an older copy)",
    ),
    "chain.unsigned": (
        "post {seq} saknar underskrift (förfalskad)",
        "entry {seq} has no signature (forged)",
    ),
    # The paper anchor (``rondplan audit checkpoint``) and its comparison (``audit compare``).
    "anchor.title": (
        "Rondplan behandlingslogg – kontrollpunkt",
        "Rondplan processing log – checkpoint",
    ),
    "anchor.database": ("Databas: {id}", "Database: {id}"),
    "anchor.root_key": ("Rotnyckel: {fingerprint}", "Root key: {fingerprint}"),
    "anchor.no_entry": ("Ingen post ännu.", "No entry yet."),
    "anchor.warning": ("VARNING: {finding}", "WARNING: {finding}"),
    "anchor.entry": ("Post: {seq}", "Entry: {seq}"),
    "anchor.compare_later": ("Jämför senare med:", "Compare later with:"),
    "anchor.hash_format": (
        "Hashen på papperet ska vara minst 16 hexadecimala tecken.",
        "The hash on the paper must be at least 16 hexadecimal characters.",
    ),
    "anchor.log_broken": ("Loggen är inte hel: {finding}.", "The log is not complete: {finding}."),
    "anchor.rolled_back": (
        "Databasen slutar vid post {last} men papperet visar post {seq}: den har rullats "
        "tillbaka eller kapats.",
        "The database ends at entry {last} but the paper shows entry {seq}: it has been "
        "rolled back or cut.",
    ),
    "anchor.other_history": (
        "Post {seq} har en annan historik än papperet: databasen har bytts ut eller skrivits om.",
        "Entry {seq} has another history than the paper: the database has been replaced or "
        "rewritten.",
    ),
    "anchor.matches": (
        "Papperet stämmer: post {seq} finns med samma historik.",
        "The paper matches: entry {seq} is there with the same history.",
    ),
}
