"""Words for the command line's own error codes (``desktop.commands``): code → (Swedish,
English). The command line prints them in the language of ``--lang``."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "cli.interrupted": ("avbrutet.", "interrupted."),
    "cli.no_password": (
        "Inget lösenord angivet. Använd {env}, --password-stdin eller en terminal.",
        "No password given. Use {env}, --password-stdin or a terminal.",
    ),
    "cli.empty_password": ("Lösenordet är tomt.", "The password is empty."),
    "cli.password_too_short": (
        "Lösenordet måste ha minst {minimum} tecken.",
        "The password must have at least {minimum} characters.",
    ),
    "cli.user_missing": ("Ange användare med --user NAMN.", "Give the user with --user NAME."),
    "cli.temporary_password": (
        "Lösenordet är tillfälligt. Starta programmet, logga in och välj ett eget lösenord "
        "innan du använder kommandona.",
        "The password is temporary. Start the program, log in and choose a password of your "
        "own before you use the commands.",
    ),
    "cli.not_a_date": (
        "»{text}« är inget datum; skriv det som ÅÅÅÅ-MM-DD",
        "“{text}” is not a date; write it as YYYY-MM-DD",
    ),
    "cli.year_out_of_range": (
        "»{text}« ligger utanför åren {first}–{last}",
        "“{text}” lies outside the years {first}–{last}",
    ),
    "cli.not_an_id": (
        "»{text}« är inget id (ett heltal)",
        "“{text}” is not an id (a whole number)",
    ),
    "cli.id_out_of_range": (
        "»{text}« är inget giltigt id (från 1)",
        "“{text}” is not a valid id (from 1)",
    ),
    "cli.not_an_integer": ("»{text}« är inget heltal", "“{text}” is not a whole number"),
    "cli.integer_out_of_range": (
        "»{text}« ligger utanför {low}–{high}",
        "“{text}” lies outside {low}–{high}",
    ),
    "cli.path_missing": ("ange en sökväg", "give a path"),
    "cli.wrong_suffix": (
        "Filen måste sluta på {endings}: {name}",
        "The file must end in {endings}: {name}",
    ),
    "cli.folder_missing": (
        "Mappen finns inte: {folder}. Skapa den eller välj en annan.",
        "The folder does not exist: {folder}. Create it or choose another.",
    ),
    "cli.no_file_permission": (
        "Rondplan saknar behörighet till filen eller mappen. Välj en annan plats.",
        "Rondplan is not permitted to use the file or folder. Choose another place.",
    ),
    "cli.file_missing": (
        "Filen eller mappen finns inte: {name}",
        "The file or folder does not exist: {name}",
    ),
    "cli.is_a_folder": (
        "Det är en mapp, inte en fil: {name}",
        "It is a folder, not a file: {name}",
    ),
    "cli.number_too_large": (
        "Ett tal i kommandot är för stort.",
        "A number in the command is too large.",
    ),
    "cli.disk_full": (
        "Disken är full. Frigör utrymme och försök igen.",
        "The disk is full. Free some space and try again.",
    ),
    "cli.name_too_long": (
        "Filnamnet är för långt: {name}. Välj ett kortare namn.",
        "The file name is too long: {name}. Choose a shorter name.",
    ),
    "cli.read_only_place": (
        "Platsen är skrivskyddad: {name}. Välj en annan plats.",
        "The place is read-only: {name}. Choose another place.",
    ),
    "cli.quota_exceeded": (
        "Din diskkvot är slut. Frigör utrymme och försök igen.",
        "Your disk quota is used up. Free some space and try again.",
    ),
    "cli.io_error": (
        "Disken kunde inte läsa eller skriva {name} (I/O-fel). Kontrollera disken.",
        "The disk could not read or write {name} (I/O error). Check the disk.",
    ),
    "cli.file_exists": (
        "Filen finns redan: {name}. Välj ett annat namn.",
        "The file already exists: {name}. Choose another name.",
    ),
    "cli.file_unusable": (
        "Filen eller mappen {name} kunde inte användas ({reason}).",
        "The file or folder {name} could not be used ({reason}).",
    ),
}
