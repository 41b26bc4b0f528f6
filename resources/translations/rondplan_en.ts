<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/views/callins/models.py" line="+111"/>
        <location filename="../../desktop/views/support/models.py" line="+91"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sanctions/widget.py" line="+68"/>
        <source>pågår</source>
        <translation>ongoing</translation>
    </message>
</context>
<context>
    <name>AddressDialog</name>
    <message>
        <location filename="../../desktop/views/persons/link_dialogs.py" line="+33"/>
        <source>Ny adress</source>
        <translation>New address</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Gatuadress</source>
        <translation>&amp;Street address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gatuadress</source>
        <translation>Street address</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Postnummer</source>
        <translation>&amp;Postcode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Postnummer</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ort</source>
        <translation>&amp;Town</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ort</source>
        <translation>Town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Om&amp;råde</source>
        <translation>&amp;Area</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Från</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Vid dörren</source>
        <translation>At the &amp;door</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vid dörren</source>
        <translation>At the door</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Portkod, hund, andra som bor där</source>
        <translation>Door code, dog, others living there</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../desktop/views/admin/page.py" line="+55"/>
        <source>Användare och roller</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gallring</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mallar</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Behandlingslogg</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Budskapet, öppningsfrasen, kontaktuppgifterna och sekretessmarkeringen skrivs ut på varje genomgångsunderlag. Varje ändring sparas som en ny version, och versionen som användes noteras vid varje utskrift.</source>
        <translation>The message, the opening line, the contact details and the confidentiality marking are printed on every briefing packet. Every change is saved as a new version, and the version used is recorded with each print.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Redigera mallar…</source>
        <translation>&amp;Edit templates…</translation>
    </message>
</context>
<context>
    <name>AdministratorPage</name>
    <message>
        <location filename="../../desktop/views/login/first_run_wizard.py" line="+171"/>
        <source>Administratör</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administratören lägger upp användare och myndigheter och tar säkerhetskopior.</source>
        <translation>The administrator sets up users and agencies and takes backups.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lösenordet måste ha minst %1 tecken. En lång fras av vanliga ord är både säker och lätt att minnas.</source>
        <translation>The password must have at least %1 characters. A long phrase of ordinary words is both safe and easy to remember.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Användarnamn</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lösenord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Upprepa lösenordet</source>
        <translation>&amp;Repeat the password</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Skapa databasen</source>
        <translation>Create the database</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ange administratörens användarnamn.</source>
        <translation>Enter the administrator&apos;s user name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lösenordet är för kort: det behöver minst %1 tecken.</source>
        <translation>The password is too short: it needs at least %1 characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lösenorden är inte lika. Skriv samma lösenord två gånger.</source>
        <translation>The passwords differ. Type the same password twice.</translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <location filename="../../desktop/views/calendar/agenda.py" line="+78"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Krockar med en regel</source>
        <translation>Conflicts with a rule</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>v. %1</source>
        <translation>wk %1</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>adressen har ändrats sedan planeringen</source>
        <translation>address changed since planning</translation>
    </message>
</context>
<context>
    <name>Anteckningar</name>
    <message>
        <location filename="../../desktop/views/notes/dialogs.py" line="+37"/>
        <source>Samtycke från den enskilde</source>
        <translation>Consent of the individual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OSL 10 kap. 2 § (nödvändigt för den egna verksamheten)</source>
        <translation>OSL ch. 10 s. 2 (necessary for the agency&apos;s own work)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OSL 10 kap. 18 a § (förhindra brott, samverkan)</source>
        <translation>OSL ch. 10 s. 18 a (crime prevention, cooperation)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>OSL 10 kap. 21–23 §§ (misstanke om brott)</source>
        <translation>OSL ch. 10 ss. 21–23 (suspicion of crime)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Annat lagrum (ange vilket)</source>
        <translation>Other provision (state which)</translation>
    </message>
    <message>
        <location filename="helper_strings.py" line="+36"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../desktop/views/admin/models.py" line="+192"/>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Myndighet</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dator</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Händelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objekt</source>
        <translation>Object</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ändamål</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../desktop/views/admin/audit_view.py" line="+56"/>
        <source>Behandlingslogg</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+53"/>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>t.ex. person. eller login</source>
        <translation>e.g. person. or login</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>person-id</source>
        <translation>person ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sök</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Läsningar &amp;utanför egna insatser</source>
        <translation>Reads &amp;outside own operations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tickprov</source>
        <translation>Spot chec&amp;k</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Vem har &amp;läst personen</source>
        <translation>Who has &amp;read the person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verifiera &amp;kedjan</source>
        <translation>Verify the &amp;chain</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Händelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Poster</source>
        <translation>Entries</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ange personens id i fältet Person.</source>
        <translation>Enter the person&apos;s ID in the Person field.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Läsningar av person %1</source>
        <translation>Reads of person %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Läsningar utanför egna insatser</source>
        <translation>Reads outside own operations</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stickprov</source>
        <translation>Spot check</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>Granskningslogg</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loggen är hel</source>
        <translation>The log is intact</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VARNING</source>
        <translation>WARNING</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location filename="../../desktop/views/admin/backups_tab.py" line="+27"/>
        <source>Säkerhetskopior</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Säkerhetskopiera nu</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Längsta tid innan låsning</source>
        <translation>Maximum time before locking</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kopiorna är krypterade med samma nycklar som databasen. En kopia tas automatiskt en gång per dygn; de %1 senaste sparas.</source>
        <translation>Backups are encrypted with the same keys as the database. A backup is taken automatically once a day; the %1 most recent are kept.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mapp: %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Säkerhetskopia</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kopian sparades: %1</source>
        <translation>Backup saved: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Låstid</source>
        <translation>Lock time</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Låstiden sparades.</source>
        <translation>Lock time saved.</translation>
    </message>
</context>
<context>
    <name>BackupsTableModel</name>
    <message>
        <location filename="../../desktop/views/admin/models.py" line="-38"/>
        <source>Tagen</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Storlek</source>
        <translation>Size</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <location filename="../../desktop/views/printing/briefing_dialog.py" line="+53"/>
        <source>Skriv ut genomgångsunderlag</source>
        <translation>Print briefing packet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>En dag</source>
        <translation>One day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hela insatsen, dag för dag</source>
        <translation>Whole operation, day by day</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ta med adresser till personer med skyddad identitet</source>
        <translation>Include addresses of persons with protected identity</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Varning: skyddade adresser skrivs ut och markeras på sidan. Gör det bara om teamet måste ha adressen, och förvara papperet oåtkomligt.</source>
        <translation>Warning: protected addresses are printed and marked on the page. Only do this if the team must have the address, and keep the paper locked away.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Insats</source>
        <translation>&amp;Operation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omfattning</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dag</source>
        <translation>&amp;Day</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skapa underlag</source>
        <translation>Create packet</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Teamet har inga planerade besök.</source>
        <translation>The team has no planned visits.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Skyddade adresser kommer att skrivas ut. Fortsätta?</source>
        <translation>Protected addresses will be printed. Continue?</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Underlaget skapas…</source>
        <translation>Creating the packet…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Utskrift nr %1 är klar.</source>
        <translation>Printout no. %1 is ready.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Genomgångsunderlag %1</source>
        <translation>Briefing packet %1</translation>
    </message>
</context>
<context>
    <name>CalendarCanvas</name>
    <message>
        <location filename="../../desktop/views/calendar/canvas.py" line="+72"/>
        <source>inget besök valt</source>
        <translation>no visit chosen</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område: %1</source>
        <translation>Area: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ Krockar med en regel</source>
        <translation>⚠ Conflicts with a rule</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Adressen har ändrats sedan planeringen</source>
        <translation>Address changed since planning</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../desktop/views/calendar/page.py" line="+75"/>
        <source>&amp;Ångra</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ångra (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gör &amp;om</source>
        <translation>Re&amp;do</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>Skriv &amp;ut teamets schema…</source>
        <translation>&amp;Print the team&apos;s schedule…</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>&amp;Exportera iCalendar…</source>
        <translation>&amp;Export iCalendar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Välj ett team i filtret först</source>
        <translation>Choose a team in the filter first</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+7"/>
        <location line="+25"/>
        <location line="+35"/>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Skriv &amp;ut alla teams schema…</source>
        <translation>&amp;Print every team&apos;s schedule…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alla team som visas, med sina medlemmar, i en utskrift</source>
        <translation>Every team shown, with its members, in one print</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Teamet i filtret, med sina medlemmar</source>
        <translation>The team in the filter, with its members</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Besök</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besöket är ett förslag. Godkänn planen under Insatser först.</source>
        <translation>The visit is a proposal. Approve the plan under Operations first.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Rätta utfall</source>
        <translation>Correct outcome</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ångra rättat utfall</source>
        <translation>Undo outcome correction</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Registrera utfall</source>
        <translation>Record outcome</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ångra utfall</source>
        <translation>Undo outcome</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Spara schema</source>
        <translation>Save schedule</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>Skriv ut</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schemat sparades med löpnummer %1.</source>
        <translation>The schedule was saved with serial number %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exportera kalender</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>CalendarToolbar</name>
    <message>
        <location filename="../../desktop/views/calendar/toolbar.py" line="+33"/>
        <source>Idag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gå till idag</source>
        <translation>Go to today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Föregående period</source>
        <translation>Previous period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nästa period</source>
        <translation>Next period</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visad period</source>
        <translation>Period shown</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbetsvecka</source>
        <translation>Work week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vecka</source>
        <translation>Week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Månad</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lista</source>
        <translation>List</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Visa %1</source>
        <translation>Show %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filtrera på insats</source>
        <translation>Filter by operation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filtrera på team</source>
        <translation>Filter by team</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Alla team</source>
        <translation>All teams</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alla insatser</source>
        <translation>All operations</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../desktop/views/calendar/commands.py" line="+113"/>
        <source>Registrera utfall</source>
        <translation>Record outcome</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Rätta utfall</source>
        <translation>Correct outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/views/calendar/calendar_view.py" line="+112"/>
        <source>Dagvy</source>
        <extracomment>Up to this many teams the legend lists them all, with or without visits in view. The service calls behind an edit; they run off the GUI thread and touch no widget.</extracomment>
        <translation>Day view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbetsveckovy</source>
        <translation>Work week view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Veckovy</source>
        <translation>Week view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Månadsvy</source>
        <translation>Month view</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pilarna väljer dag och besök, Enter öppnar besöket, Ctrl+pil flyttar det en dag eller en halvtimme, Delete ställer in det.</source>
        <translation>The arrows choose a day and a visit, Enter opens the visit, Ctrl+arrow moves it a day or half an hour, Delete cancels it.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Besökslista</source>
        <translation>Visit list</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Krockar</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Teckenförklaring</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>v. %1</source>
        <translation>wk %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Flytten bryter mot regler:</source>
        <translation>The move breaks rules:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Besöket flyttades inte.</source>
        <translation>The visit was not moved.</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+73"/>
        <location filename="../../desktop/views/calendar/commands.py" line="-93"/>
        <source>Flytta besök</source>
        <extracomment>An edit run through the runner: True once saved, False when refused (already said). What a correction replaced (``OutcomeBefore``), kept by the command for its undo.</extracomment>
        <translation>Move visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flytten bryter mot regler. Flytta ändå?</source>
        <translation>The move breaks rules. Move anyway?</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+5"/>
        <location filename="../../desktop/views/calendar/commands.py" line="+29"/>
        <source>Ställ in besök</source>
        <translation>Cancel visit</translation>
    </message>
    <message>
        <location filename="helper_strings.py" line="-25"/>
        <source>Krock</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brådskande (respons på händelse)</source>
        <translation>Urgent (response to an incident)</translation>
    </message>
</context>
<context>
    <name>CalendarWords</name>
    <message>
        <location line="+1"/>
        <source>Brådskande: respons på en händelse</source>
        <translation>Urgent: response to an incident</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En medarbetare är dubbelbokad.</source>
        <translation>A staff member is double-booked.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En medarbetare är frånvarande den dagen.</source>
        <translation>A staff member is absent that day.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teamet saknar polis eller socialtjänst.</source>
        <translation>The team lacks police or social services.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiden ligger utanför arbetstiden.</source>
        <translation>The time is outside working hours.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dagen är en helgdag.</source>
        <translation>The day is a public holiday.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personen har redan ett besök den dagen.</source>
        <translation>The person already has a visit that day.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>En person ur en rivaliserande grupp besöks av samma team samma halvdag.</source>
        <translation>A person from a rival group is visited by the same team in the same half-day.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teamet har redan fullt antal besök den dagen.</source>
        <translation>The team already has the maximum number of visits that day.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teamet finns inte.</source>
        <translation>The team does not exist.</translation>
    </message>
</context>
<context>
    <name>CallInDetailWidget</name>
    <message>
        <location filename="../../desktop/views/callins/detail.py" line="+101"/>
        <source>&amp;Redigera…</source>
        <extracomment>Quick keys in the attendance table.</extracomment>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+41"/>
        <source>Talare</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+198"/>
        <source>Checklista</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>Inbjudna och närvaro</source>
        <translation>Invitees and attendance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bjud in…</source>
        <translation>&amp;Invite…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+254"/>
        <source>Ta bort inbjudan</source>
        <translation>Remove invitation</translation>
    </message>
    <message>
        <location line="-252"/>
        <source>Sällskap…</source>
        <translation>Accompanied by…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Föreslå &amp;hembesök för uteblivna…</source>
        <translation>Propose &amp;home visits for no-shows…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skriv ut &amp;kallelser</source>
        <translation>Print invitation &amp;letters</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kallelser på svenska</source>
        <translation>Letters in Swedish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kallelser på engelska</source>
        <translation>Letters in English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kallelsernas språk</source>
        <translation>Language of the letters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Språket kallelserna skrivs ut på</source>
        <translation>The language the letters are printed in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skriv ut &amp;deltagarlista</source>
        <translation>Print &amp;attendance list</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Snabbtangenter: D deltog, U uteblev, T gick tidigt, F förhindrad, K kallad</source>
        <translation>Shortcut keys: D attended, U no-show, T left early, F excused, K invited</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checklista för repetition</source>
        <translation>Rehearsal checklist</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;Inbjudna och närvaro&lt;/b&gt;</source>
        <translation>&lt;b&gt;Invitees and attendance&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+49"/>
        <location line="+87"/>
        <source>Stormöte</source>
        <translation>Call-in</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Välj ett stormöte i listan.</source>
        <translation>Select a call-in in the list.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 kl. %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n inbjudna</source>
        <translation>
            <numerusform>%n invited</numerusform>
            <numerusform>%n invited</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 deltog, %2 uteblev</source>
        <translation>, %1 attended, %2 no-shows</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+20"/>
        <source>Närvaro</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Sällskap</source>
        <translation>Accompanied by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kom i sällskap med:</source>
        <translation>Came accompanied by:</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Bjud in</source>
        <translation>Invite</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Uteblivna</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ingen har registrerats som utebliven.</source>
        <translation>No one has been recorded as a no-show.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insatser</source>
        <translation>Operations</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <source>Föreslå hembesök</source>
        <translation>Propose home visits</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>föreslagna hembesök</source>
        <translation>proposed home visits</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>uppföljningar</source>
        <translation>follow-ups</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 skapades, %3 fanns redan.</source>
        <translation>%1 %2 created, %3 already existed.</translation>
    </message>
</context>
<context>
    <name>CallInDialog</name>
    <message>
        <location filename="../../desktop/views/callins/dialogs.py" line="+59"/>
        <source>Stormöte</source>
        <translation>Call-in</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>En neutral lokal, t.ex. ett medborgarhus</source>
        <translation>A neutral venue, e.g. a community centre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Del i mötet</source>
        <translation>Part in the meeting</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Talare</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lägg till talare</source>
        <translation>Add speaker</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upp</source>
        <translation>Up</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ned</source>
        <translation>Down</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>En punkt per rad; tom ger standardlistan</source>
        <translation>One item per line; leave empty for the standard list</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Rubrik</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tid</source>
        <translation>T&amp;ime</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lokal</source>
        <translation>&amp;Venue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Beskrivning</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Talare i ordning</source>
        <translation>Speakers in order</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checklista för repetition</source>
        <translation>Rehearsal checklist</translation>
    </message>
</context>
<context>
    <name>CallInPrinter</name>
    <message>
        <location filename="../../desktop/views/callins/printing.py" line="+73"/>
        <source>Stormöte %1</source>
        <translation>Call-in %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Utskrift</source>
        <translation>Printout</translation>
    </message>
</context>
<context>
    <name>CallInsPage</name>
    <message>
        <location filename="../../desktop/views/callins/callins_page.py" line="+68"/>
        <location line="+33"/>
        <location line="+8"/>
        <location line="+31"/>
        <source>Stormöten</source>
        <translation>Call-ins</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>&amp;Nytt stormöte…</source>
        <translation>&amp;New call-in…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Fått budskapet mer än en gång</source>
        <translation>Received the message more than once</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Registrera delgivning…</source>
        <translation>&amp;Record delivery…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T.ex. vid ett möte hos frivården</source>
        <translation>E.g. at a meeting with the probation service</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+10"/>
        <location line="+2"/>
        <source>Delgivningar</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 av %2 personer som fått budskapet har fått det mer än en gång (%3 %).</source>
        <translation>%1 of %2 persons who received the message have received it more than once (%3%).</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Nytt stormöte</source>
        <translation>New call-in</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Registrera delgivning</source>
        <translation>Record delivery</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/views/server/conflict_dialog.py" line="+65"/>
        <source>Någon annan har ändrat samma post</source>
        <translation>Someone else has changed the same record</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Medan du arbetade sparade någon annan en ändring. Välj för varje fält vilket värde som ska gälla.</source>
        <translation>While you were working, someone else saved a change. For each field, choose which value should apply.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Din ändring</source>
        <translation>Your change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sparat av någon annan</source>
        <translation>Saved by someone else</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Behåll mina</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behåll deras</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spara valen</source>
        <translation>Save choices</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../desktop/views/server/banner.py" line="+27"/>
        <source>Förbindelsen med servern bröts. Dina osparade ändringar finns kvar; Rondplan försöker igen …</source>
        <translation>The connection to the server was lost. Your unsaved changes are kept; Rondplan is retrying …</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../desktop/views/shell/crash.py" line="+109"/>
        <source>Rondplan – oväntat fel</source>
        <translation>Rondplan – unexpected error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ett oväntat fel inträffade.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Det som redan är sparat finns kvar. Det du just gjorde kan ha gått förlorat; kontrollera det och gör om det vid behov. Om felet återkommer: kopiera den tekniska rapporten och skicka den till den som ansvarar för Rondplan. Rapporten innehåller inga personuppgifter.</source>
        <translation>What was already saved is safe. What you just did may have been lost; check it and redo it if needed. If the error comes back, copy the technical report and send it to whoever is responsible for Rondplan. The report contains no personal data.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kopiera teknisk rapport</source>
        <translation>Copy technical report</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Visa detaljer</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loggfil: %1</source>
        <translation>Log file: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Dölj detaljer</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kopierad</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location line="+9"/>
        <source>Rondplan</source>
        <translation>Rondplan</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../../desktop/views/login/first_run_wizard.py" line="-122"/>
        <source>Var ska databasen ligga?</source>
        <translation>Where should the database be stored?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Välj en mapp på den här datorn, inte en nätverksdisk. Förslaget passar de flesta.</source>
        <translation>Choose a folder on this computer, not a network drive. The suggestion suits most people.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Databasfil</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bläddra…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Databasfil</source>
        <translation>&amp;Database file</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Ange var databasfilen ska ligga.</source>
        <translation>Say where the database file should go.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Det finns redan en fil där. Välj ett annat namn, eller avbryt och öppna den befintliga databasen med --db.</source>
        <translation>There is already a file there. Choose another name, or cancel and open the existing database with --db.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mappen går inte att skriva i. Välj en mapp på den här datorn.</source>
        <translation>The folder cannot be written to. Choose a folder on this computer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Välj databasfil</source>
        <translation>Choose database file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rondplan-databas (*.db)</source>
        <translation>Rondplan database (*.db)</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <location filename="../../desktop/views/callins/dialogs.py" line="+140"/>
        <source>Registrera delgivning</source>
        <translation>Record delivery</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kanal</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Framfört av</source>
        <translation>Delivered &amp;by</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delar</source>
        <translation>Parts</translation>
    </message>
</context>
<context>
    <name>DemoSplash</name>
    <message>
        <location filename="../../desktop/views/login/demo_splash.py" line="+34"/>
        <source>Demodatabasen byggs</source>
        <translation>The demo database is being built</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Förlopp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiktiva uppgifter – inga riktiga personer.</source>
        <translation>Fictitious data – no real persons.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Skapar demokontonas nycklar ({done} av {total})…</source>
        <translation>Creating the demo accounts&apos; keys ({done} of {total})…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skapar personer, grupper, insats och besök…</source>
        <translation>Creating persons, groups, an operation and visits…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skapar en krypterad databas…</source>
        <translation>Creating an encrypted database…</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <location filename="../../desktop/views/notes/dialogs.py" line="+119"/>
        <source>Lämna ut anteckning</source>
        <translation>Disclose note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mottagande myndighet</source>
        <translation>Receiving agency</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lagrum</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Till exempel: LVU 2 §</source>
        <translation>For example: LVU s. 2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>En kopia av anteckningen läggs i den mottagande myndighetens avdelning. Utlämnandet loggas med lagrum och skäl, och kan inte tas tillbaka.</source>
        <translation>A copy of the note is placed in the receiving agency&apos;s compartment. The disclosure is logged with its legal basis and reason, and cannot be undone.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Till:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lagrum:</source>
        <translation>&amp;Legal basis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Annat lagrum:</source>
        <translation>&amp;Other provision:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;käl:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lämna ut</source>
        <translation>&amp;Disclose</translation>
    </message>
</context>
<context>
    <name>EndSanctionDialog</name>
    <message>
        <location filename="../../desktop/views/sanctions/dialogs.py" line="+84"/>
        <source>Avsluta sanktionsperiod</source>
        <translation>End sanction period</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>t.ex. inget nytt våld på tre månader</source>
        <translation>e.g. no new violence for three months</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Slutdatum</source>
        <translation>&amp;End date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;käl</source>
        <translation>&amp;Reason</translation>
    </message>
</context>
<context>
    <name>Engagemang</name>
    <message>
        <location filename="../../desktop/views/callins/labels.py" line="+22"/>
        <source>Planerat</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Genomfört</source>
        <translation>Held</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inställt</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kallad</source>
        <translation>Invited</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/views/callins/models.py" line="-67"/>
        <source>Deltog</source>
        <translation>Attended</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/views/callins/models.py" line="+1"/>
        <source>Uteblev</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gick tidigt</source>
        <translation>Left early</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Förhindrad</source>
        <translation>Excused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hembesök</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stormöte</source>
        <translation>Call-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frivårdsmöte</source>
        <translation>Probation meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annat</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avhopparverksamhet</source>
        <translation>Exit programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbete</source>
        <translation>Employment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utbildning</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boende och flytt</source>
        <translation>Housing and relocation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missbruksvård</source>
        <translation>Substance abuse treatment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Familjestöd</source>
        <translation>Family support</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skydd</source>
        <translation>Protection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skuldrådgivning</source>
        <translation>Debt counselling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Övrigt</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erbjuden</source>
        <translation>Offered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepterad</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Remitterad</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Påbörjad</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Genomförd</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Avböjd</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avbruten</source>
        <translation>Discontinued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inte misstänkt</source>
        <translation>Not a suspect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vill inte att du skadas</source>
        <translation>We don&apos;t want you hurt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Konsekvenser</source>
        <translation>Consequences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hjälp finns</source>
        <translation>Help is available</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tackade ja</source>
        <extracomment>The verb on the button that takes a referral to a status.</extracomment>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insatsen startade</source>
        <translation>Service started</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tackade nej</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avbröts</source>
        <translation>Discontinued</translation>
    </message>
    <message>
        <location filename="../../desktop/views/callins/models.py" line="-6"/>
        <location filename="../../desktop/views/support/models.py" line="+13"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lokal</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/views/support/models.py" line="-30"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kallade</source>
        <translation>Invited</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Ordning</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talare</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+42"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Grupperingar</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ålagd av</source>
        <translation>Mandated by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kallelse</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Närvaro</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sällskap</source>
        <translation>Accompanied by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delgiven</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Första</source>
        <translation>First</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Senaste</source>
        <translation>Latest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kanaler</source>
        <translation>Channels</translation>
    </message>
    <message>
        <location filename="../../desktop/views/sanctions/widget.py" line="-9"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slut</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utlösande händelse</source>
        <translation>Triggering event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Åtgärder</source>
        <translation>Measures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skäl till avslut</source>
        <translation>Reason for ending</translation>
    </message>
    <message>
        <location filename="../../desktop/views/support/models.py" line="-43"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>Stödinsats</source>
        <translation>Support service</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Utförare</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Myndighet</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pågående remisser</source>
        <translation>Open referrals</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avslutad</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ansvarig myndighet</source>
        <translation>Responsible agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eget initiativ</source>
        <translation>Own initiative</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Steg</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registrerat av</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="helper_strings.py" line="+1"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>pågår</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>inaktiv</source>
        <translation>inactive</translation>
    </message>
</context>
<context>
    <name>Etiketter</name>
    <message>
        <location filename="../../desktop/views/labels.py" line="+13"/>
        <source>Administratör</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samordnare</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teamledare</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handläggare</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granskare</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Polisen</source>
        <translation>Police</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socialtjänsten</source>
        <translation>Social services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kriminalvården</source>
        <translation>Prison and Probation Service</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../desktop/views/statistics/exports.py" line="+37"/>
        <source>Spara statistikrapport</source>
        <translation>Save statistics report</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rapport %1 sparad.</source>
        <translation>Report %1 saved.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Spara nyckeltal</source>
        <translation>Save key figures</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+30"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Nyckeltalen är sparade.</source>
        <translation>The key figures have been saved.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+25"/>
        <source>Forskningsuttag</source>
        <translation>Research extract</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Spara forskningsuttag</source>
        <translation>Save research extract</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Uttaget är sparat (%n personer). Spara nyckeln nedan säkert om samma pseudonymer ska användas i ett senare uttag; den finns inte i filen.</source>
        <translation>
            <numerusform>The extract has been saved (%n person). Store the key below securely if the same pseudonyms are to be used in a later extract; it is not in the file.</numerusform>
            <numerusform>The extract has been saved (%n persons). Store the key below securely if the same pseudonyms are to be used in a later extract; it is not in the file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/views/exporting/export_dialog.py" line="+35"/>
        <location line="+47"/>
        <location line="+7"/>
        <source>Exportera</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>&amp;Personer</source>
        <translation>&amp;Persons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Grupperingar</source>
        <translation>&amp;Groups</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ta med &amp;personnummer</source>
        <translation>Include personal ID &amp;numbers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporten innehåller bara det din roll får se. Adresser till personer med skyddad identitet och myndigheternas anteckningar exporteras aldrig. Exporten loggas, och du kan behöva ange ditt lösenord igen.</source>
        <translation>The export contains only what your role may see. Addresses of persons with protected identity and the agencies&apos; notes are never exported. The export is logged, and you may need to enter your password again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vad:</source>
        <translation>What:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Spara export</source>
        <translation>Save export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel-arbetsbok (*.xlsx);;CSV, semikolonavgränsad (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV, semicolon-separated (*.csv)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Exporten är klar</source>
        <translation>Export complete</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n rader sparades i %1.</source>
        <translation>
            <numerusform>%n row saved in %1.</numerusform>
            <numerusform>%n rows saved in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../desktop/views/importing/pages.py" line="+46"/>
        <source>Välj fil</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Välj kartläggningslistan som ska importeras (XLSX eller CSV). Ingenting sparas förrän du har granskat listan och valt Importera.</source>
        <translation>Choose the mapping list to import (XLSX or CSV). Nothing is saved until you have reviewed the list and chosen Import.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ingen fil vald</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fil:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Välj fil…</source>
        <translation>C&amp;hoose file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spara &amp;importmallen…</source>
        <translation>Save import &amp;template…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Importmallen har kolumnerna Förnamn, Efternamn, Alias, Personnummer, Födelsedatum, Adress, Postnummer, Ort, Område, Gruppering, Roll, Telefon, Språk, Tolkbehov, Skyddad identitet, Kategori, Källa och Anteckning. Bara Förnamn och Efternamn måste finnas; andra rubriker kan kopplas för hand.</source>
        <translation>The import template has the Swedish columns Förnamn, Efternamn, Alias, Personnummer, Födelsedatum, Adress, Postnummer, Ort, Område, Gruppering, Roll, Telefon, Språk, Tolkbehov, Skyddad identitet, Kategori, Källa and Anteckning. Only Förnamn (first name) and Efternamn (surname) are required; other headings can be mapped by hand.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Välj kartläggningslista</source>
        <translation>Choose mapping list</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n rader lästes</source>
        <translation>
            <numerusform>%n row read</numerusform>
            <numerusform>%n rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(%n kolumner).</source>
        <translation>
            <numerusform>(%n column).</numerusform>
            <numerusform>(%n columns).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spara importmallen</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel-arbetsbok (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mallen kunde inte sparas där. Välj en annan plats.</source>
        <translation>The template could not be saved there. Choose another location.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importmallen sparades: {path}</source>
        <translation>Import template saved: {path}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/views/statistics/filters.py" line="+39"/>
        <source>Periodens början</source>
        <translation>Start of period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periodens slut</source>
        <translation>End of period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Myndighet</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>till</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Alla grupper</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alla områden</source>
        <translation>All areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alla myndigheter</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>hela programmet</source>
        <translation>whole programme</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../desktop/views/login/first_run_wizard.py" line="+189"/>
        <source>Ny Rondplan-databas</source>
        <translation>New Rondplan database</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Nästa &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; &amp;Tillbaka</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Slutför</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <location filename="../../desktop/views/followup/page.py" line="+57"/>
        <source>Vems uppgifter</source>
        <translation>Whose tasks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mina uppgifter</source>
        <translation>My tasks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mina team</source>
        <translation>My teams</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visa &amp;klara</source>
        <translation>Show &amp;completed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Antal uppgifter</source>
        <translation>Number of tasks</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Markera klar</source>
        <translation>&amp;Mark done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markera klar (Ctrl+D)</source>
        <translation>Mark done (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uppföljningar</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vi&amp;sa</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+16"/>
        <location line="+5"/>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Alla team</source>
        <translation>All teams</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 öppna · %2 försenade · %3 ska vara klara denna vecka</source>
        <translation>%1 open · %2 overdue · %3 due this week</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Markera klar</source>
        <translation>Mark done</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../desktop/views/widgets/form_dialog.py" line="+52"/>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../desktop/views/groups/group_dialog.py" line="+27"/>
        <source>Redigera gruppering</source>
        <translation>Edit group</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ny gruppering</source>
        <translation>New group</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Namn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alias (skilj med ;)</source>
        <translation>&amp;Aliases (separate with ;)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Område</source>
        <translation>A&amp;rea</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Beskrivning</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Källa</source>
        <translation>&amp;Source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Om&amp;prövas</source>
        <translation>Review &amp;by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Omprövas</source>
        <translation>Review by</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;ktiv</source>
        <translation>Ac&amp;tive</translation>
    </message>
</context>
<context>
    <name>GroupLinksEditor</name>
    <message>
        <location filename="../../desktop/views/incidents/link_editors.py" line="+60"/>
        <source>Gruppering</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sida</source>
        <translation>Side</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Säkerhet</source>
        <translation>Certainty</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inblandade grupperingar</source>
        <translation>Groups involved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gruppering att lägga till</source>
        <translation>Group to add</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gruppens sida</source>
        <translation>The group&apos;s side</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Källa, t.ex. polisens lägesbild</source>
        <translation>Source, e.g. the police situation report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Källa för grupperingens inblandning</source>
        <translation>Source of the group&apos;s involvement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Säkerhet för grupperingens inblandning</source>
        <translation>Certainty of the group&apos;s involvement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lägg till gruppering</source>
        <translation>&amp;Add group</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ta bort vald gruppering</source>
        <translation>Remove the chosen group</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Välj gruppering:</source>
        <translation>C&amp;hoose group:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ida:</source>
        <translation>Sid&amp;e:</translation>
    </message>
</context>
<context>
    <name>GroupProfilePage</name>
    <message>
        <location filename="../../desktop/views/groups/profile_page.py" line="+67"/>
        <source>Ny &amp;relation…</source>
        <translation>New &amp;relation…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ny m&amp;edlem…</source>
        <translation>Ne&amp;w member…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tillbaka</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Sedan</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+12"/>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Nådd av budskapet</source>
        <translation>Reached by the message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omprövas</source>
        <translation>Review by</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gruppering</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pågår</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Medlemmar</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relationer</source>
        <translation>Relations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Medlemmar</source>
        <translation>&amp;Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Konflikter och allianser</source>
        <translation>&amp;Conflicts and alliances</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sanktionsperioder</source>
        <translation>&amp;Sanction periods</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vå&amp;ldshändelser</source>
        <translation>Vio&amp;lent incidents</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Område: %1</source>
        <translation>Area: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alias: %1</source>
        <translation>Alias: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inaktiv</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Omprövas %1</source>
        <translation>Review by %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Täckning: %1 av %2 medlemmar har fått budskapet (%3)</source>
        <translation>Coverage: %1 of %2 members have received the message (%3)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pågående sanktionsperiod sedan %1: %2</source>
        <translation>Sanction period in progress since %1: %2</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <location filename="../../desktop/views/groups/list_page.py" line="+34"/>
        <source>Gruppering</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medlemmar</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nådda</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Täckning</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>inaktiv</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Omprövas</source>
        <translation>Review by</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grupperingar</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Öppna</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N&amp;y gruppering</source>
        <translation>&amp;New group</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Nätverksbild</source>
        <translation>Net&amp;work map</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n grupperingar</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 medlemskap</source>
        <translation>, %1 memberships</translation>
    </message>
</context>
<context>
    <name>Händelsehistorik</name>
    <message>
        <location filename="../../desktop/views/incidents/revisions.py" line="+19"/>
        <source>Diarienummer</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Säkerhet</source>
        <translation>Certainty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skadade</source>
        <translation>Injured</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Döda</source>
        <translation>Killed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grupperingar</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personer</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="helper_strings.py" line="-17"/>
        <source>Länkar: %1</source>
        <translation>Links: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beskrivningen</source>
        <translation>The description</translation>
    </message>
</context>
<context>
    <name>Händelsetabeller</name>
    <message>
        <location filename="../../desktop/views/incidents/models.py" line="+65"/>
        <location line="+58"/>
        <source>Tidpunkt</source>
        <extracomment>Killed or injured: the count cell in a dark red, with the number itself saying it.</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+58"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Säkerhet</source>
        <translation>Certainty</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+58"/>
        <source>Område</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+58"/>
        <source>Skadade och döda</source>
        <translation>Injured and killed</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Misstänkt sida</source>
        <translation>Suspected side</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drabbad sida</source>
        <translation>Victim side</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Diarienummer</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Respons</source>
        <translation>Response</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Del i händelsen</source>
        <translation>Part in the incident</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gruppering</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Varför</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="helper_strings.py" line="-6"/>
        <source>1 död</source>
        <translation>1 killed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 skadad</source>
        <translation>1 injured</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 döda</source>
        <translation>%1 killed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 skadade</source>
        <translation>%1 injured</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 akuta besök</source>
        <translation>%1 urgent visits</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../desktop/views/importing/wizard.py" line="+67"/>
        <source>Importera kartläggningslista</source>
        <translation>Import mapping list</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Importera</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nästa &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; &amp;Tillbaka</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Kontrollerar raderna…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Importerar…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Importen är klar: {created} nya personer, {merged} sammanslagna, {skipped} överhoppade rader, {groups} nya grupperingar.</source>
        <translation>Import complete: {created} new persons, {merged} merged, {skipped} rows skipped, {groups} new groups.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Stäng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Något gick fel. Felet är loggat.</source>
        <translation>Something went wrong. The error has been logged.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ingenting importerades. {message}</source>
        <translation>Nothing was imported. {message}</translation>
    </message>
</context>
<context>
    <name>IncidentDetailPanel</name>
    <message>
        <location filename="../../desktop/views/incidents/detail.py" line="+49"/>
        <source>Gruppering</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sida</source>
        <translation>Side</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>Säkerhet</source>
        <translation>Certainty</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+30"/>
        <source>Respons</source>
        <translation>Response</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Insats</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fönster</source>
        <translation>Window</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Akuta besök</source>
        <translation>Urgent visits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 planerade, %2 gjorda</source>
        <translation>%1 planned, %2 made</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+11"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Inblandade grupperingar</source>
        <translation>Groups involved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inblandade personer</source>
        <translation>Persons involved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inblandade</source>
        <translation>Involved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rättelser</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ingen händelse vald</source>
        <translation>No incident chosen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Välj en händelse i listan för att se den här.</source>
        <translation>Choose an incident in the list to see it here.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Diarienummer %1</source>
        <translation>Reference %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registrerad av %1</source>
        <translation>Recorded by %1</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n personer (brottsoffer, skadade eller vittnen) visas bara för den myndighet som registrerade händelsen.</source>
        <translation>
            <numerusform>%n person (victim, injured or witness) is shown only to the agency that registered the incident.</numerusform>
            <numerusform>%n persons (victims, injured or witnesses) are shown only to the agency that registered the incident.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Beskrivningen hör till en annan myndighet och visas inte.</source>
        <translation>The description belongs to another agency and is not shown.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rättelser (%1)</source>
        <translation>Corrections (%1)</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../desktop/views/incidents/incident_dialog.py" line="+79"/>
        <source>Rätta händelse %1</source>
        <translation>Correct incident %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+152"/>
        <source>Ny händelse</source>
        <translation>New incident</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>t.ex. 5000-K123456-26</source>
        <translation>e.g. 5000-K123456-26</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Typ:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Typ av händelse</source>
        <translation>Type of incident</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;äkerhet:</source>
        <translation>&amp;Certainty:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bekräftad eller trolig</source>
        <translation>Confirmed or probable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Datum och tid:</source>
        <translation>&amp;Date and time:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Datum och tid</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Område:</source>
        <translation>Dist&amp;rict:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Område</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;kadade:</source>
        <translation>&amp;Injured:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Antal skadade</source>
        <translation>Number injured</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;öda:</source>
        <translation>&amp;Killed:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Antal döda</source>
        <translation>Number killed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dia&amp;rienummer:</source>
        <translation>Re&amp;ference:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diarienummer</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Beskrivningen sparas i %1s fack: andra myndigheter kan inte läsa den.</source>
        <translation>The description is kept in the compartment of %1: other agencies cannot read it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Grupperingar</source>
        <translation>&amp;Groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Personer</source>
        <translation>&amp;Persons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Beskrivning</source>
        <translation>Descriptio&amp;n</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skäl till rättelsen</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vad rättas och varför</source>
        <translation>What is corrected and why</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rättelse</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Skäl:</source>
        <translation>Rea&amp;son:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fel</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Beskrivningen hör till en annan myndighet och visas inte.</source>
        <translation>The description belongs to another agency and is not shown.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Rätta händelse</source>
        <translation>Correct incident</translation>
    </message>
</context>
<context>
    <name>IncidentFiguresPanel</name>
    <message>
        <location filename="../../desktop/views/statistics/incidents_panel.py" line="+118"/>
        <source>Definitioner, våld och respons</source>
        <extracomment>The tiles, in the order the evaluation reads them. The per-group table&apos;s column of visits per week (after group, incidents, shootings). Group rows drawn in the per-group chart (the most incidents first).</extracomment>
        <translation>Definitions, violence and response</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Händelser per typ och månad</source>
        <translation>Incidents by type and month</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+21"/>
        <source>Månad</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Gruppkopplade skjutningar, skadade och döda per månad</source>
        <translation>Group-involved shootings, injured and killed by month</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Per grupp: händelser och besök per vecka</source>
        <translation>By group: incidents and visits per week</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skjutningar</source>
        <translation>Shootings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dagar till budskap (median)</source>
        <translation>Days to the message (median)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
</context>
<context>
    <name>IncidentFilterBar</name>
    <message>
        <location filename="../../desktop/views/incidents/filters.py" line="+28"/>
        <source>Filtrera på typ</source>
        <extracomment>The period the register opens with: the last twelve months.</extracomment>
        <translation>Filter by type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alla typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filtrera på område</source>
        <translation>Filter by district</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filtrera på gruppering</source>
        <translation>Filter by group</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T&amp;yp:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Från:</source>
        <translation>Fro&amp;m:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Till:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omr&amp;åde:</source>
        <translation>Dist&amp;rict:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gr&amp;uppering:</source>
        <translation>Gro&amp;up:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Alla områden</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alla grupperingar</source>
        <translation>All groups</translation>
    </message>
</context>
<context>
    <name>IncidentImportDialog</name>
    <message>
        <location filename="../../desktop/views/incidents/import_dialog.py" line="+59"/>
        <location line="+66"/>
        <source>Importera händelser</source>
        <translation>Import incidents</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Fil att importera</source>
        <translation>File to import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Välj fil…</source>
        <translation>C&amp;hoose file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kolumner: %1</source>
        <translation>Columns: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Provkör</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Importera</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem per rad</source>
        <translation>Problems by row</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Välj händelselista</source>
        <translation>Choose a list of incidents</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listor (*.csv *.xlsx)</source>
        <translation>Lists (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Rad %1, %2: %3</source>
        <translation>Row %1, %2: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 rader, %2 med problem: inget importerades. Rätta filen och försök igen.</source>
        <translation>%1 rows, %2 with problems: nothing was imported. Correct the file and try again.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 rader utan problem. Tryck Importera för att spara alla.</source>
        <translation>%1 rows without problems. Press Import to save them all.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 händelser importerades.</source>
        <translation>%1 incidents were imported.</translation>
    </message>
</context>
<context>
    <name>IncidentRegisterPage</name>
    <message>
        <location filename="../../desktop/views/incidents/register_page.py" line="+74"/>
        <location line="+57"/>
        <location line="+15"/>
        <location line="+4"/>
        <location line="+34"/>
        <location line="+64"/>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>&amp;Ny händelse…</source>
        <translation>&amp;New incident…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registrera en ny händelse (Ctrl+N)</source>
        <translation>Record a new incident (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Rätta…</source>
        <translation>&amp;Correct…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planera res&amp;pons…</source>
        <translation>Plan res&amp;ponse…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Importera lista…</source>
        <translation>&amp;Import list…</translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>%n händelser</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Bara den myndighet som registrerade händelsen kan rätta den.</source>
        <translation>Only the agency that recorded the incident can correct it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ingen gruppering är kopplad till händelsen: koppla en först (Rätta…).</source>
        <translation>No group is linked to the incident: link one first (Correct…).</translation>
    </message>
</context>
<context>
    <name>IncidentTimeline</name>
    <message>
        <location filename="../../desktop/views/incidents/timeline.py" line="+27"/>
        <location line="+7"/>
        <source>Våldshändelser</source>
        <translation>Violent incidents</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inga registrerade händelser.</source>
        <translation>No recorded incidents.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 händelser, den senaste %2; skadade och döda sammanlagt: %3.</source>
        <translation>%1 incidents, the latest %2; injured and killed in all: %3.</translation>
    </message>
</context>
<context>
    <name>IncidentsBehindDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/views/statistics/incidents_behind.py" line="+97"/>
        <source>%n händelser</source>
        <extracomment>Figures that count visits: the persons behind them, not incidents.</extracomment>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>IncidentsWorkspace</name>
    <message>
        <location filename="../../desktop/views/incidents/page.py" line="+50"/>
        <source>&amp;Händelser</source>
        <translation>Inci&amp;dents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vecka och &amp;område</source>
        <translation>&amp;Week and district</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+15"/>
        <source>Planera respons</source>
        <translation>Plan response</translation>
    </message>
</context>
<context>
    <name>Insatsord</name>
    <message>
        <location filename="../../desktop/services/vocabulary.py" line="+61"/>
        <source>Närvarande anhöriga</source>
        <extracomment>The outcome&apos;s fields beside the status, worded once for the dialog and the paper form; each names one field of the record (``visit``).</extracomment>
        <translation>Family present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hans svar</source>
        <translation>His response</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad om stöd</source>
        <translation>Asked for support</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erbjöds stöd</source>
        <translation>Was offered support</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tackade ja till stöd</source>
        <translation>Accepted support</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stödinsats</source>
        <translation>Support service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lämnade informationsmaterial</source>
        <translation>Left information material</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skäl till inställt</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skottlossning</source>
        <extracomment>Violence and the response (issue 20): one word per code, for the register, the briefing packet, the statistics and their exports.</extracomment>
        <translation>Shooting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sprängning</source>
        <translation>Explosion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handgranat</source>
        <translation>Hand grenade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Knivvåld</source>
        <translation>Knife violence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mord eller försök</source>
        <translation>Murder or attempt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hot</source>
        <translation>Threat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annat</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bekräftad</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trolig</source>
        <translation>Probable</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Misstänkt sida</source>
        <translation>Suspected side</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drabbad sida</source>
        <translation>Victim side</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Misstänkt</source>
        <translation>Suspected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skadad</source>
        <translation>Injured</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brottsoffer</source>
        <translation>Victim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vittne</source>
        <translation>Witness</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Föreslaget</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Godkänt</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avböjt</source>
        <translation>Declined</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Grupp på misstänkt sida</source>
        <extracomment>Why a person is a target of a response round.</extracomment>
        <translation>Group on the suspected side</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grupp på drabbad sida</source>
        <translation>Group on the victim side</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rivaliserande grupp</source>
        <translation>Rival group</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Följ upp den akuta rundan efter händelse {reference}</source>
        <extracomment>The follow-up tasks a response makes on acceptance; the title is stored in the task as these words with the incident&apos;s reference (``{reference}``).</extracomment>
        <translation>Follow up the urgent round after incident {reference}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erbjud stöd till drabbade efter händelse {reference}</source>
        <translation>Offer support to those affected by incident {reference}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pröva om sanktionsperioden efter händelse {reference} ska avslutas</source>
        <translation>Review whether the sanction period after incident {reference} should end</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operations/labels.py" line="+14"/>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pågår</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avslutad</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../desktop/services/vocabulary.py" line="-94"/>
        <source>Förslag</source>
        <extracomment>The Qt context the views translate these words in (``QCoreApplication.translate``). One word per visit status, for every surface: the outcome dialog, the calendar and its legend, the paper outcome form, the team schedule, the statistics and their exports (issue 17: one vocabulary per concept). Views translate it; the core prints it as is.</extracomment>
        <translation>Proposal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planerat</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Träffade honom</source>
        <translation>Met him</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ej hemma</source>
        <translation>Not at home</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nekade att öppna</source>
        <translation>Refused to open the door</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Har flyttat</source>
        <translation>Has moved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Träffade bara familjen</source>
        <translation>Met only the family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inställt</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operations/labels.py" line="+4"/>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inaktiv</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flyttat</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frihetsberövad</source>
        <translation>In custody</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avhoppad</source>
        <translation>Left the group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avliden</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Polisen</source>
        <translation>Police</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socialtjänsten</source>
        <translation>Social services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kriminalvården</source>
        <translation>Prison and Probation Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annan</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/services/vocabulary.py" line="+17"/>
        <source>Du är inte misstänkt för brott</source>
        <extracomment>The statuses an outcome can record, in the order the dialog and the paper form list them (``operations.rows.OUTCOME_STATUSES`` is this tuple). The four parts of the message, as the dialog and the paper form list them, keyed by ``operations.rows.MessagePart``&apos;s codes (a StrEnum member looks its code up).</extracomment>
        <translation>You are not suspected of a crime</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vi vill inte att du skadas eller skadar någon</source>
        <translation>We don&apos;t want you to get hurt or to hurt anyone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Våld får följder för hela gruppen</source>
        <translation>Violence has consequences for the whole group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Det finns hjälp om du vill</source>
        <translation>Help is available if you want it</translation>
    </message>
    <message>
        <location filename="../../desktop/views/operations/labels.py" line="+4"/>
        <source>Insatsen har inga team</source>
        <translation>The operation has no teams</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perioden har inga arbetsdagar</source>
        <translation>The period has no working days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inget team är i tjänst</source>
        <translation>No team is on duty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teamen är fullbokade</source>
        <translation>The teams are fully booked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teamen arbetar i andra områden de halvdagarna</source>
        <translation>The teams work in other areas on those half-days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rivaliserande grupper i samma pass</source>
        <translation>Rival groups in the same shift</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ingen annan tid på dagen är ledig</source>
        <translation>No other time that day is free</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Personen är inte målperson</source>
        <translation>The person is not a target</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>saknar polis</source>
        <translation>has no police officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saknar socialtjänst</source>
        <translation>has no social services officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>har färre än två medlemmar</source>
        <translation>has fewer than two members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>har okänd personal</source>
        <translation>has unknown staff</translation>
    </message>
    <message>
        <location filename="helper_strings.py" line="+4"/>
        <source>Två myndigheter</source>
        <translation>Two agencies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saknar %1</source>
        <translation>Missing %1</translation>
    </message>
    <message>
        <location filename="../../desktop/views/server/conflict_dialog.py" line="+65"/>
        <source>Förnamn</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Efternamn</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Födelsedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behöver tolk</source>
        <translation>Needs an interpreter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skyddad identitet</source>
        <translation>Protected identity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk att utsättas</source>
        <translation>At risk of being shot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk att utöva våld</source>
        <translation>At risk of shooting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omprövas</source>
        <translation>Review by</translation>
    </message>
</context>
<context>
    <name>Insatstabeller</name>
    <message>
        <location filename="../../desktop/views/operations/models.py" line="+62"/>
        <source>Insats</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+69"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Mål</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+95"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="-94"/>
        <location line="+33"/>
        <source>Besök</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+33"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Grupperingar</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Prio</source>
        <translation>Prio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Senaste kontakt</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Medlemmar</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Högst/dag</source>
        <translation>Max/day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Myndigheter</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Kunde inte planeras</source>
        <translation>Could not be planned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>InviteDialog</name>
    <message>
        <location filename="../../desktop/views/callins/dialogs.py" line="-91"/>
        <source>Bjud in till stormöte</source>
        <translation>Invite to call-in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grupperingar</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>t.ex. frivårdsinspektören</source>
        <translation>e.g. the probation officer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grupperingar (aktiva medlemmar)</source>
        <translation>Groups (active members)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Personer</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Närvaro &amp;ålagd av</source>
        <translation>Attendance &amp;mandated by</translation>
    </message>
</context>
<context>
    <name>Kartläggning</name>
    <message>
        <location filename="../../desktop/views/persons/labels.py" line="+29"/>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inaktiv</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flyttat</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frihetsberövad</source>
        <translation>In custody</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avhoppad</source>
        <translation>Left the group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avliden</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Misstänkt</source>
        <translation>Suspect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dömd</source>
        <translation>Convicted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brottsoffer</source>
        <translation>Victim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anhörig</source>
        <translation>Relative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Övrig</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ledare</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kärna</source>
        <translation>Core</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medlem</source>
        <translation>Member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Närstående</source>
        <translation>Associate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perifer</source>
        <translation>Peripheral</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rivalitet</source>
        <translation>Rivalry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allians</source>
        <translation>Alliance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aktiv konflikt</source>
        <translation>Active conflict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk att skjutas</source>
        <translation>Risk of being shot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk att skjuta</source>
        <translation>Risk of shooting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Någon risk</source>
        <translation>Any risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>samma personnummer</source>
        <translation>same personal ID number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>samma namn och födelsedatum</source>
        <translation>same name and date of birth</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>liknande stavning</source>
        <translation>similar spelling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hembesök</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budskapet levererat</source>
        <translation>Message delivered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stormöte</source>
        <translation>Call-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stödinsats</source>
        <translation>Support service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vid hembesök</source>
        <translation>at a home visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vid stormöte</source>
        <translation>at a call-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>via Kriminalvården</source>
        <translation>via Prison and Probation Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>annat sätt</source>
        <translation>other means</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kallad</source>
        <translation>invited</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deltog</source>
        <translation>attended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uteblev</source>
        <translation>no-show</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gick tidigt</source>
        <translation>left early</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>förhindrad</source>
        <translation>excused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>erbjuden</source>
        <translation>offered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepterad</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remitterad</source>
        <translation>referred</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>påbörjad</source>
        <translation>started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>avslutad</source>
        <translation>closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>avböjd</source>
        <translation>declined</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>avbruten</source>
        <translation>discontinued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>öppen</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>klar</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>struken</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>faktauppgift</source>
        <translation>fact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bedömning</source>
        <translation>assessment</translation>
    </message>
</context>
<context>
    <name>KeyFigureTile</name>
    <message>
        <location filename="../../desktop/views/statistics/tiles.py" line="+45"/>
        <source>Vad betyder talet?</source>
        <translation>What does the figure mean?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Definition: %1</source>
        <translation>Definition: %1</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <location filename="../../desktop/views/lock/controller.py" line="+241"/>
        <source>Fel lösenord. Försök igen.</source>
        <translation>Wrong password. Try again.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../desktop/views/lock/overlay.py" line="+47"/>
        <location line="+20"/>
        <source>Rondplan är låst</source>
        <extracomment>The lock screen&apos;s background; e2e tests check that the screen shows only this colour outside the password panel.</extracomment>
        <translation>Rondplan is locked</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Kontrollerar lösenordet</source>
        <translation>Checking the password</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Inloggad: %1</source>
        <translation>Logged in: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lösenord för att låsa upp</source>
        <translation>Password to unlock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lås upp</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lås upp på huvudskärmen.</source>
        <translation>Unlock on the main screen.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/views/login/login_dialog.py" line="+76"/>
        <source>Logga in – Rondplan</source>
        <translation>Log in – Rondplan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rondplan</source>
        <translation>Rondplan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Användarnamn</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kontrollerar lösenordet</source>
        <translation>Checking the password</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Användarnamn</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lösenord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logga in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Lokal databasfil</source>
        <translation>Local database file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serverns adress</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Databas</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ser&amp;verns adress</source>
        <translation>Ser&amp;ver address</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Ange både användarnamn och lösenord.</source>
        <translation>Enter both user name and password.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ange serverns adress (postgresql://…).</source>
        <translation>Enter the server address (postgresql://…).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/views/shell/main_window.py" line="+134"/>
        <source>Rondplan</source>
        <translation>Rondplan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Gå till</source>
        <translation>&amp;Go to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lås</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lås Rondplan tills du loggar in igen</source>
        <translation>Lock Rondplan until you log in again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ljust</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mörkt</source>
        <translation>Dark</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../desktop/views/importing/pages.py" line="+12"/>
        <source>Koppla kolumner</source>
        <translation>Map columns</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kolumner med kända rubriker är redan kopplade. Välj fält för resten, eller Importeras inte. Spara kopplingen som kolumnmall för nästa lista.</source>
        <translation>Columns with known headings are already mapped. Choose a field for the rest, or Not imported. Save the mapping as a column template for the next list.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kolumn i filen</source>
        <translation>Column in file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exempel</source>
        <translation>Example</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importeras som</source>
        <translation>Imported as</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Kolumnmall:</source>
        <translation>Column te&amp;mplate:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Använd</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Spara som kolumnmall…</source>
        <translation>&amp;Save as column template…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>– Importeras inte –</source>
        <translation>– Not imported –</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fält för kolumnen {header}</source>
        <translation>Field for column {header}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Koppla en kolumn till: {fields}.</source>
        <translation>Map a column to: {fields}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{field} är kopplat till flera kolumner: {headers}.</source>
        <translation>{field} is mapped to several columns: {headers}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kopplingen är klar.</source>
        <translation>The mapping is complete.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+27"/>
        <source>Kolumnmall</source>
        <translation>Column template</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Spara kolumnmall</source>
        <translation>Save column template</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Namn på kolumnmallen:</source>
        <translation>Column template name:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kolumnmallen sparades inte: {m}</source>
        <translation>The column template was not saved: {m}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kolumnmallen {name} sparades.</source>
        <translation>Column template {name} saved.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../desktop/views/groups/member_dialog.py" line="+33"/>
        <source>Ny medlem</source>
        <translation>New member</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Person</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Roll</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sedan</source>
        <translation>&amp;Since</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sedan</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Källa</source>
        <translation>So&amp;urce</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>t.ex. polisens lägesbild</source>
        <translation>e.g. the police situation report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skä&amp;l</source>
        <translation>R&amp;eason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Om&amp;prövas</source>
        <translation>Review &amp;by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Omprövas</source>
        <translation>Review by</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sök fram och välj personen.</source>
        <translation>Search for and select the person.</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <location filename="../../desktop/views/persons/link_dialogs.py" line="+28"/>
        <source>Koppla till gruppering</source>
        <translation>Link to group</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Gruppering</source>
        <translation>&amp;Group</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gruppering</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Roll</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Sedan</source>
        <translation>&amp;Since</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sedan</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Källa</source>
        <translation>So&amp;urce</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skä&amp;l</source>
        <translation>R&amp;eason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Om&amp;prövas</source>
        <translation>Review &amp;by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Omprövas</source>
        <translation>Review by</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../desktop/views/persons/merge_dialog.py" line="+43"/>
        <source>Slå ihop personer</source>
        <translation>Merge persons</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Välj vilken post som ska behållas. Adresser, anhöriga, kopplingar, besök, delgivningar, kallelser, stödinsatser, uppföljningar och anteckningar flyttas dit. Den andra posten finns kvar som hänvisning och syns inte i listor.</source>
        <translation>Choose which record to keep. Addresses, relatives, links, visits, deliveries, invitations, support services, follow-ups and notes are moved to it. The other record remains as a reference and is not shown in lists.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Slå ihop</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Behåll:</source>
        <translation>Keep:</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <location filename="../../desktop/views/calendar/month_view.py" line="+160"/>
        <source>v.</source>
        <translation>wk</translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>+%n till</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveVisitDialog</name>
    <message>
        <location filename="../../desktop/views/operations/move_dialog.py" line="+44"/>
        <source>Ändra besök – %1</source>
        <translation>Change visit – %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ny tid</source>
        <translation>New time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Tid</source>
        <translation>T&amp;ime</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;eam</source>
        <translation>T&amp;eam</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Krockar:</source>
        <translation>Conflicts:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inga krockar.</source>
        <translation>No conflicts.</translation>
    </message>
</context>
<context>
    <name>NavigationList</name>
    <message>
        <location filename="../../desktop/views/shell/navigation.py" line="+37"/>
        <source>Navigering</source>
        <translation>Navigation</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../../desktop/views/groups/network_page.py" line="+53"/>
        <source>Relationer som gällde den</source>
        <extracomment>``(day) -&gt; {group id: incidents in the weeks up to that day}``, for the marks.</extracomment>
        <translation>Relations valid on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilden visar konflikter och allianser som gällde den dagen.</source>
        <translation>The picture shows the conflicts and alliances valid on that day.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gällde &amp;den:</source>
        <translation>Valid &amp;on:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Klicka på en gruppering för att öppna den.</source>
        <translation>Click a group to open it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Skriv ut till PDF…</source>
        <translation>&amp;Print to PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tillbaka</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Grupperingar: konflikter och allianser %1</source>
        <translation>Groups: conflicts and alliances %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Spara nätverksbild</source>
        <translation>Save network map</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../desktop/views/groups/network_view.py" line="+214"/>
        <source>Nätverksbild över grupperingar</source>
        <translation>Network map of groups</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pågående sanktionsperiod</source>
        <translation>Sanction period in progress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Händelser de 90 dagarna före datumet (antal)</source>
        <translation>Incidents in the 90 days up to the date (number)</translation>
    </message>
</context>
<context>
    <name>NewReferralDialog</name>
    <message>
        <location filename="../../desktop/views/support/dialogs.py" line="+108"/>
        <source>Ny remiss</source>
        <translation>New referral</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Han tog kontakt på eget initiativ</source>
        <translation>He made contact on his own initiative</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stödinsatsens myndighet</source>
        <translation>Support service&apos;s agency</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stödinsats</source>
        <translation>&amp;Support service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Datum</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ansvarig &amp;myndighet</source>
        <translation>Responsible &amp;agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ansvarig person</source>
        <translation>Responsible &amp;person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../desktop/views/notes/dialogs.py" line="-113"/>
        <source>Ny anteckning</source>
        <translation>New note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Faktauppgift</source>
        <translation>&amp;Fact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bedömning</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anteckningens text</source>
        <translation>Note text</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Anteckningen sparas krypterad i %1s avdelning. Bara användare vid den myndigheten kan läsa den.</source>
        <translation>The note is saved encrypted in the compartment of %1. Only users at that agency can read it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>din myndighet</source>
        <translation>your agency</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Slag:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Anteckningen är för lång.</source>
        <translation>The note is too long.</translation>
    </message>
</context>
<context>
    <name>Nyckeltal</name>
    <message>
        <location filename="../../desktop/views/statistics/labels.py" line="+16"/>
        <source>Kartlagda personer</source>
        <translation>Persons mapped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nykartlagda</source>
        <translation>Newly mapped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nådda personer</source>
        <translation>Persons reached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nådda mer än en gång</source>
        <translation>Reached 2+ times</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Andel nådda mer än en gång</source>
        <translation>Share reached 2+ times</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delgivningar</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delgivningar per kanal</source>
        <translation>Deliveries by channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besök</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besök per utfall</source>
        <translation>Visits by outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inbjudna till stormöte</source>
        <translation>Invited to call-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deltog i stormöte</source>
        <translation>Attended call-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Andel som deltog</source>
        <translation>Attendance rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stöderbjudanden</source>
        <translation>Support offers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepterat stöd</source>
        <translation>Support accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Påbörjat stöd</source>
        <translation>Support started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slutfört stöd</source>
        <translation>Support completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Egna kontakter</source>
        <translation>Self-initiated contacts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dagar till första delgivning (median)</source>
        <translation>Days to first delivery (median)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Täckning per grupp</source>
        <translation>Coverage by group</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Händelser per typ</source>
        <translation>Incidents by type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gruppkopplade skjutningar</source>
        <translation>Group-involved shootings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skadade</source>
        <translation>Injured</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Döda</source>
        <translation>Killed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inblandade grupper</source>
        <translation>Groups involved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dagar till budskap efter händelse (median)</source>
        <translation>Days from incident to message (median)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Andel grupper nådda inom 72 timmar</source>
        <translation>Share of groups reached within 72 hours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Akuta besök, försökta</source>
        <translation>Urgent visits, attempted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akuta besök, genomförda</source>
        <translation>Urgent visits, completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akuta besök, direktkontakt</source>
        <translation>Urgent visits, direct contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akuta besök, bara familjen</source>
        <translation>Urgent visits, family only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besök per grupp och vecka</source>
        <translation>Visits per group and week</translation>
    </message>
</context>
<context>
    <name>OperationDialog</name>
    <message>
        <location filename="../../desktop/views/operations/operation_dialog.py" line="+52"/>
        <source>Redigera insats</source>
        <translation>Edit operation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ny insats</source>
        <translation>New operation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Namn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Från</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Till</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Syfte</source>
        <translation>&amp;Purpose</translation>
    </message>
</context>
<context>
    <name>OperationsPage</name>
    <message>
        <location filename="../../desktop/views/operations/page.py" line="+61"/>
        <location line="+79"/>
        <source>Insatser</source>
        <translation>Operations</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>&amp;Ny insats…</source>
        <translation>&amp;New operation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ny insats (Ctrl+N)</source>
        <translation>New operation (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redigera…</source>
        <translation>E&amp;dit…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Målpersoner</source>
        <translation>T&amp;argets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;eam</source>
        <translation>Tea&amp;m</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plan och utfall</source>
        <translation>&amp;Plan and outcomes</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Ingen insats vald</source>
        <translation>No operation selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skapa en insats med Ny insats (Ctrl+N).</source>
        <translation>Create an operation with New operation (Ctrl+N).</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../desktop/views/operations/outcome_dialog.py" line="+102"/>
        <source>(registreras som stödinsats)</source>
        <translation>(recorded as a support service)</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Utfall – %1</source>
        <extracomment>``save(visit_id, version, data, refused)``: runs the change (through the runner), True once saved; a refusal is told through ``refused`` and the dialog stays open.</extracomment>
        <translation>Outcome – %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>t.ex. mamma, lillebror</source>
        <translation>e.g. mother, younger brother</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delar av budskapet som framfördes</source>
        <translation>Parts of the message delivered</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Välj stödinsats…</source>
        <translation>Choose support service…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lämna tomt om ingen uppföljning behövs</source>
        <translation>Leave empty if no follow-up is needed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jag</source>
        <translation>Me</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Syns bara för din myndighet</source>
        <translation>Visible only to your agency</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Utfall</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Uppföljning</source>
        <translation>&amp;Follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klar &amp;senast</source>
        <translation>&amp;Due by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ansvarig</source>
        <translation>&amp;Assigned to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Myndighetens anteckning</source>
        <translation>A&amp;gency note</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Registreras i förväg (besöket har inte ägt rum än)</source>
        <translation>Recorded in advance (the visit has not taken place yet)</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <location filename="../../desktop/views/login/own_password_dialog.py" line="+39"/>
        <source>Välj ett eget lösenord – Rondplan</source>
        <translation>Choose your own password – Rondplan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>En administratör har gett dig ett tillfälligt lösenord. Välj nu ett eget lösenord, minst 12 tecken, som bara du känner till.</source>
        <translation>An administrator has given you a temporary password. Now choose your own password, at least 12 characters, that only you know.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tillfälligt lösenord</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nytt lösenord</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upprepa nytt lösenord</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tillfälligt lösenord</source>
        <translation>&amp;Temporary password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nytt lösenord</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Upprepa</source>
        <translation>R&amp;epeat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Byt också krypteringsnycklarna (en gammal kopia av nyckelfilen öppnar då inget)</source>
        <translation>Also &amp;rotate the encryption keys (an old copy of the keyslot file then opens nothing)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Spara lösenordet</source>
        <translation>Save password</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>De två nya lösenorden är inte lika. Skriv dem igen.</source>
        <translation>The two new passwords differ. Type them again.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../desktop/views/persons/person_dialog.py" line="+58"/>
        <source>Redigera person</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Förnamn</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Efternamn</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias (skilj med ;)</source>
        <translation>Aliases (separate with ;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personnummer</source>
        <translation>Personal ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ÅÅÅÅMMDD-NNNN eller samordningsnummer</source>
        <translation>YYYYMMDD-NNNN or coordination number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Födelsedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behöver to&amp;lk</source>
        <translation>Needs int&amp;erpreter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skyddad &amp;identitet</source>
        <translation>Protected &amp;identity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Risk att skjutas</source>
        <translation>&amp;Risk of being shot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk att skj&amp;uta</source>
        <translation>Risk of shootin&amp;g</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omprövas</source>
        <translation>Review by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Väl&amp;j foto…</source>
        <translation>Choose p&amp;hoto…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Förnamn</source>
        <translation>&amp;First name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Efternamn</source>
        <translation>Surna&amp;me</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Alias</source>
        <translation>&amp;Alias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Personnummer</source>
        <translation>&amp;Personal ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ödelsedatum</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kategori</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sp&amp;råk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pri&amp;oritet</source>
        <translation>Pri&amp;ority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telefo&amp;n</source>
        <translation>Pho&amp;ne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>K&amp;älla</source>
        <translation>So&amp;urce</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omprö&amp;vas</source>
        <translation>Re&amp;view by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ån&amp;gra</source>
        <translation>Un&amp;do</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Oförändrat (%1)</source>
        <translation>Unchanged (%1)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Välj foto</source>
        <translation>Choose photo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bilder (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Möjliga dubbletter finns redan:</source>
        <translation>Possible duplicates already exist:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spara igen om det ändå är en annan person.</source>
        <translation>Save again if this is nevertheless a different person.</translation>
    </message>
</context>
<context>
    <name>PersonLinksEditor</name>
    <message>
        <location filename="../../desktop/views/incidents/link_editors.py" line="+62"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Säkerhet</source>
        <translation>Certainty</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inblandade personer</source>
        <translation>Persons involved</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Personens roll</source>
        <translation>The person&apos;s role</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Källa för personens inblandning</source>
        <translation>Source of the person&apos;s involvement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Säkerhet för personens inblandning</source>
        <translation>Certainty of the person&apos;s involvement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lägg till person</source>
        <translation>&amp;Add person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ta bort vald person</source>
        <translation>Remove the chosen person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hitta person:</source>
        <translation>Find pers&amp;on:</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../desktop/views/callins/person_picker.py" line="+28"/>
        <source>Sök namn eller alias…</source>
        <translation>Search name or alias…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/views/widgets/person_picker.py" line="+49"/>
        <source>Sök person</source>
        <translation>Find person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Personer</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../desktop/views/widgets/person_picker.py" line="-1"/>
        <source>Sök namn, alias eller personnummer</source>
        <translation>Search name, alias or personal ID number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Träffar</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+21"/>
        <source>(ingen vald)</source>
        <translation>(none selected)</translation>
    </message>
</context>
<context>
    <name>PersonProfilePage</name>
    <message>
        <location filename="../../desktop/views/persons/profile_page.py" line="+88"/>
        <source>SKYDDAD IDENTITET – adress och uppgifter får inte lämnas ut</source>
        <translation>PROTECTED IDENTITY – address and details must not be disclosed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Visa personnummer</source>
        <translation>&amp;Show personal ID number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ny a&amp;dress…</source>
        <translation>New a&amp;ddress…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ko&amp;ppla till gruppering…</source>
        <translation>&amp;Link to group…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tillbaka</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tillbaka till listan (Esc)</source>
        <translation>Back to the list (Esc)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postnr</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ort</source>
        <translation>Town</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>nu</source>
        <translation>now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vid dörren</source>
        <translation>At the door</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samma adress</source>
        <translation>Same address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kartlagd</source>
        <translation>Mapped</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ja – öppna</source>
        <translation>yes – open</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gruppering</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sedan</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omprövas</source>
        <translation>Review by</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Händelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detalj</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Familj och nätverk</source>
        <translation>Family and network</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Grupperingar</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Avsluta &amp;kopplingen i dag</source>
        <translation>End the lin&amp;k today</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adresser</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Adresser</source>
        <translation>&amp;Addresses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Familj och nätverk</source>
        <translation>&amp;Family and network</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Grupperingar</source>
        <translation>&amp;Groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Händelser</source>
        <translation>Events</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Händelser</source>
        <translation>E&amp;vents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;nteckningar (min myndighet)</source>
        <translation>&amp;Notes (my agency)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vå&amp;ldshändelser</source>
        <translation>Vio&amp;lent incidents</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Alias: %1</source>
        <translation>Alias: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Född %1 (%2 år)</source>
        <translation>Born %1 (age %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Födelsedatum okänt</source>
        <translation>Date of birth unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prioritet %1</source>
        <translation>Priority %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>risk att skjutas</source>
        <translation>risk of being shot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>risk att skjuta</source>
        <translation>risk of shooting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, tolk behövs</source>
        <translation>, interpreter needed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Språk: %1</source>
        <translation>Language: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Omprövas %1</source>
        <translation>Review by %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Har inte fått budskapet ännu</source>
        <translation>Has not received the message yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budskapet delgivet en gång, %1</source>
        <translation>Message delivered once, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budskapet delgivet %2 gånger, senast %1</source>
        <translation>Message delivered %2 times, most recently %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+41"/>
        <source>Personnummer: %1</source>
        <translation>Personal ID number: %1</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Inget foto</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Visa personnummer</source>
        <translation>Show personal identity number</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Avsluta koppling</source>
        <translation>End link</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <location filename="../../desktop/views/persons/table_model.py" line="+46"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Född</source>
        <translation>Born</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personnummer</source>
        <translation>Personal ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grupperingar</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prio</source>
        <translation>Prio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Omprövas</source>
        <translation>Review by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delgivningar</source>
        <translation>Deliveries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Senast delgiven</source>
        <translation>Last delivered</translation>
    </message>
    <message>
        <location filename="helper_strings.py" line="+1"/>
        <source>Skyddad identitet: adressen får inte lämnas ut.</source>
        <translation>Protected identity: the address must not be disclosed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skyddad</source>
        <translation>Protected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skyddad</source>
        <translation>protected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skjutas</source>
        <translation>being shot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skjuta</source>
        <translation>shooting</translation>
    </message>
</context>
<context>
    <name>PersonsBehindDialog</name>
    <message>
        <location filename="../../desktop/views/statistics/dialogs.py" line="+48"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Födelseår</source>
        <translation>Birth year</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n personer</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n persons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n personer, de första %1 visas</source>
        <translation>
            <numerusform>%n person, showing the first %1</numerusform>
            <numerusform>%n persons, showing the first %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Öppna profil</source>
        <translation>Open profile</translation>
    </message>
</context>
<context>
    <name>PersonsPage</name>
    <message>
        <location filename="../../desktop/views/persons/list_page.py" line="+77"/>
        <source>Sök namn, alias eller personnummer (Ctrl+F)</source>
        <translation>Search name, alias or personal ID number (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sök person</source>
        <translation>Find person</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alla grupperingar</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gruppering</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alla områden</source>
        <translation>All areas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alla kategorier</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alla riskroller</source>
        <translation>All risk roles</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Riskroll</source>
        <translation>Risk role</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Att o&amp;mpröva</source>
        <translation>&amp;To review</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Öppna</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Öppen &amp;uppföljning</source>
        <translation>Open follow-&amp;up</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Personer</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Ny person</source>
        <translation>&amp;New person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redigera</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Slå ihop…</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Markera två personer som är samma individ</source>
        <translation>Select two persons who are the same individual</translation>
    </message>
    <message numerus="yes">
        <location line="+110"/>
        <source>%n personer</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n persons</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>många träffar, listan visar ett urval på %1. Skriv mer för att avgränsa.</source>
        <translation>many matches; the list shows a sample of %1. Type more to narrow it down.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Markera exakt två personer för att slå ihop.</source>
        <translation>Select exactly two persons to merge.</translation>
    </message>
</context>
<context>
    <name>PersonsWorkspace</name>
    <message>
        <location filename="../../desktop/views/persons/workspace.py" line="+43"/>
        <source>&amp;Personer</source>
        <translation>&amp;Persons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Att &amp;ompröva</source>
        <translation>Due for &amp;review</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../desktop/views/shell/placeholder.py" line="+27"/>
        <source>Den här sidan är inte byggd ännu.</source>
        <translation>This page has not been built yet.</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../desktop/views/operations/plan_tab.py" line="+208"/>
        <source>%1 besök godkändes.</source>
        <translation>%1 visits accepted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 besök godkändes inte:</source>
        <translation>%1 visits not accepted:</translation>
    </message>
    <message>
        <location line="-162"/>
        <location line="+77"/>
        <source>&amp;Föreslå plan</source>
        <extracomment>What the planner&apos;s proposal changed (its summary carries no Changes of its own).</extracomment>
        <translation>P&amp;ropose plan</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Kör planeraren (Ctrl+R)</source>
        <translation>Run the planner (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kasta förslaget</source>
        <translation>Dis&amp;card proposal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registrera &amp;utfall…</source>
        <translation>Record &amp;outcome…</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>G&amp;odkänn förslaget</source>
        <translation>Acc&amp;ept the proposal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ändra besök…</source>
        <translation>C&amp;hange visit…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Föreslå n&amp;ytt besök</source>
        <translation>Propose a ne&amp;w visit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Planeraren arbetar</source>
        <translation>The planner is working</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Resultat av planeringen</source>
        <translation>Planning result</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Besök i insatsen</source>
        <translation>Visits in the operation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kunde inte planeras</source>
        <translation>Could not be planned</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kör &amp;igen</source>
        <translation>Run a&amp;gain</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 besök, varav %2 förslag.</source>
        <translation>%1 visits, of which %2 proposed.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Planeraren arbetar…</source>
        <translation>The planner is working…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 besök föreslogs, %2 kunde inte planeras (%3 s).</source>
        <translation>%1 visits proposed, %2 could not be planned (%3 s).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Godkänn</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Kasta förslaget</source>
        <translation>Discard proposal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ändra</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ändra besök</source>
        <translation>Change visit</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+9"/>
        <source>Nytt besök</source>
        <translation>New visit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ingen ledig tid hittades i perioden.</source>
        <translation>No free time was found in the period.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nytt besök föreslaget %1.</source>
        <translation>New visit proposed for %1.</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../desktop/views/importing/preview_page.py" line="+46"/>
        <source>Granska och importera</source>
        <translation>Review and import</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rader med fel måste rättas i filen. Läs sedan in den igen. För rader som liknar en befintlig person väljer du vad som ska göras.</source>
        <translation>Rows with errors must be corrected in the file; then reload it. For rows that resemble an existing person, choose what to do.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Raderna i filen</source>
        <translation>Rows in the file</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Problem i filen</source>
        <translation>Problems in the file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Problem (klicka för att gå till cellen):</source>
        <translation>&amp;Problems (click to go to the cell):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I filen</source>
        <translation>In the file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vad ska göras?</source>
        <translation>What should be done?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Möjliga dubbletter av befintliga personer:</source>
        <translation>Possible &amp;duplicates of existing persons:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sammanfattning</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Läs in filen igen</source>
        <translation>&amp;Reload the file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Förlopp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slå ihop med {label} ({reason})</source>
        <translation>Merge with {label} ({reason})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hoppa över raden</source>
        <translation>Skip the row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skapa en ny person</source>
        <translation>Create a new person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Val för rad {row}</source>
        <translation>Choice for row {row}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Ingen förhandsgranskning ännu.</source>
        <translation>No preview yet.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n rader:</source>
        <translation>
            <numerusform>%n row:</numerusform>
            <numerusform>%n rows:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{ready} utan fel, {errors} med fel, {warnings} med varningar, </source>
        <translation>{ready} without errors, {errors} with errors, {warnings} with warnings, </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n möjliga dubbletter</source>
        <translation>
            <numerusform>%n possible duplicate</numerusform>
            <numerusform>%n possible duplicates</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 obesvarade).</source>
        <translation>(%1 unanswered).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Importera är avstängt tills allt är åtgärdat.</source>
        <translation>Import is disabled until everything has been resolved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Klart att importera.</source>
        <translation>Ready to import.</translation>
    </message>
</context>
<context>
    <name>PreviewTableModel</name>
    <message>
        <location filename="../../desktop/views/importing/models.py" line="+108"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Varning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dubblett?</source>
        <translation>Duplicate?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fel</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Liknar en befintlig person: välj vad som ska göras.</source>
        <translation>Resembles an existing person: choose what to do.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../desktop/views/printing/preview.py" line="+74"/>
        <source>Förhandsgranskning</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Förhandsgranskning av utskriften</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Utskrift nr %1 · %2 sidor</source>
        <translation>Printout no. %1 · %2 pages</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skriv ut…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spara som…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Skrivaren kunde inte startas.</source>
        <translation>The printer could not be started.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Spara utskriften</source>
        <translation>Save the printout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF-dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Filen kunde inte sparas. Välj en annan plats.</source>
        <translation>The file could not be saved. Choose another location.</translation>
    </message>
</context>
<context>
    <name>ProblemListModel</name>
    <message>
        <location filename="../../desktop/views/importing/models.py" line="+40"/>
        <source>Fel</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Varning</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>ProfileNotesTab</name>
    <message>
        <location filename="../../desktop/views/persons/profile_notes.py" line="+37"/>
        <source>Skriven</source>
        <translation>Written</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slag</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ny anteckning…</source>
        <translation>&amp;New note…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lämna &amp;ut…</source>
        <translation>&amp;Disclose…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dela den valda anteckningen med en annan myndighet (utlämnande)</source>
        <translation>Share the selected note with another agency (disclosure)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Anteckningar som din myndighet har skrivit.</source>
        <translation>Notes written by your agency.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anteckningar kan inte visas ännu.</source>
        <translation>Notes cannot be shown yet.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Välj först anteckningen som ska lämnas ut.</source>
        <translation>First choose the note to disclose.</translation>
    </message>
</context>
<context>
    <name>ProposeVisitsDialog</name>
    <message>
        <location filename="../../desktop/views/callins/dialogs.py" line="+27"/>
        <source>Föreslå hembesök för uteblivna</source>
        <translation>Propose home visits for no-shows</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ingen insats – skapa uppföljningar i stället</source>
        <translation>No operation – create follow-ups instead</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n person(er) uteblev. Varje får ett föreslaget hembesök.</source>
        <translation>
            <numerusform>%n person did not attend and gets a proposed home visit.</numerusform>
            <numerusform>%n persons did not attend. Each gets a proposed home visit.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Insats</source>
        <translation>&amp;Operation</translation>
    </message>
</context>
<context>
    <name>ReauthDialog</name>
    <message>
        <location filename="../../desktop/views/admin/reauth_dialog.py" line="+26"/>
        <source>Bekräfta med lösenord</source>
        <translation>Confirm with password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ange ditt lösenord igen för att fortsätta.</source>
        <translation>Enter your password again to continue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lösenord</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kontrollerar lösenordet</source>
        <translation>Checking the password</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../desktop/views/login/first_run_wizard.py" line="-99"/>
        <source>Återställningskod</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Skriv ut eller skriv av koden nu och förvara den inlåst, åtskild från datorn. Koden visas bara den här gången. Den behövs för att öppna databasen om administratörens lösenord glöms bort.</source>
        <translation>Print or copy down the code now and keep it locked away, apart from the computer. The code is shown only this once. It is needed to open the database if the administrator&apos;s password is forgotten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Skriv ut…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jag har sparat återställningskoden</source>
        <translation>I have stored the recovery code</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Rondplan – återställningskod</source>
        <translation>Rondplan – recovery code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Förvara papperet inlåst, åtskilt från datorn. Koden behövs för att öppna databasen om administratörens lösenord glöms bort.</source>
        <translation>Keep this paper locked away, apart from the computer. The code is needed to open the database if the administrator&apos;s password is forgotten.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../desktop/views/support/dialogs.py" line="+34"/>
        <location line="+32"/>
        <location line="+31"/>
        <source>Remiss</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Historik</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nästa steg &amp;datum</source>
        <translation>Next step &amp;date</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Kontakt på eget initiativ</source>
        <translation>Contact on own initiative</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ansvarig: </source>
        <translation>Responsible: </translation>
    </message>
</context>
<context>
    <name>RelationDialog</name>
    <message>
        <location filename="../../desktop/views/groups/relation_dialogs.py" line="+31"/>
        <source>Ny relation mellan grupperingar</source>
        <translation>New relation between groups</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Gruppering</source>
        <translation>&amp;Group</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Andra grupperingen</source>
        <translation>Other group</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Relation</source>
        <translation>&amp;Relation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sedan</source>
        <translation>&amp;Since</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sedan</source>
        <translation>Since</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Beskrivning</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>RelativeDialog</name>
    <message>
        <location filename="../../desktop/views/persons/relatives.py" line="+43"/>
        <source>Ny anhörig</source>
        <translation>New relative</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ändra anhörig</source>
        <translation>Edit relative</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Namn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Relation</source>
        <translation>&amp;Relation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>t.ex. mamma, bror, flickvän</source>
        <translation>e.g. mother, brother, girlfriend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Telefon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bor på &amp;samma adress</source>
        <translation>Lives at the &amp;same address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Samma adress</source>
        <translation>Same address</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Troligen &amp;hemma vid hembesök</source>
        <translation>Likely at &amp;home during home visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Troligen hemma</source>
        <translation>Likely at home</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kartlagd person</source>
        <translation>&amp;Mapped person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kartlagd person</source>
        <translation>Mapped person</translation>
    </message>
</context>
<context>
    <name>RelativesPanel</name>
    <message>
        <location line="+49"/>
        <source>Ny &amp;anhörig…</source>
        <translation>Ne&amp;w relative…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ändra anhöri&amp;g…</source>
        <translation>Edit rela&amp;tive…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta &amp;bort anhörig</source>
        <translation>&amp;Remove relative</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+8"/>
        <source>Ta bort anhörig</source>
        <translation>Remove relative</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Ta bort %1 från familj och nätverk?</source>
        <translation>Remove %1 from family and network?</translation>
    </message>
</context>
<context>
    <name>ResearchExportDialog</name>
    <message>
        <location filename="../../desktop/views/statistics/dialogs.py" line="+24"/>
        <source>Forskningsuttag</source>
        <translation>Research extract</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Till exempel avtal eller diarienummer. Skrivs bara i uttagets README.</source>
        <translation>For example an agreement or case reference number. Written only to the extract&apos;s README.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tomt = ny nyckel (nya pseudonymer)</source>
        <translation>Empty = new key (new pseudonyms)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Uttaget innehåller inga namn, personnummer, adresser eller fritext. Uttaget loggas med syfte och skäl.</source>
        <translation>The extract contains no names, personal ID numbers, addresses or free text. The extract is logged with its purpose and justification.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Syfte</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Motivering</source>
        <translation>Justification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidigare nyckel</source>
        <translation>Previous key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exportera …</source>
        <translation>Export …</translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <location filename="../../desktop/views/incidents/response_dialog.py" line="+85"/>
        <source>Planera respons – %1</source>
        <extracomment>The round&apos;s default window: from tomorrow, three days (the message within 72 hours).</extracomment>
        <translation>Plan response – %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rundans första dag</source>
        <translation>The round&apos;s first day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rundans sista dag</source>
        <translation>The round&apos;s last day</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Team som gör rundan</source>
        <translation>Teams making the round</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Även &amp;medlemmar i rivaliserande grupperingar</source>
        <translation>Members of &amp;rival groups too</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> dagar</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sanktionsperiodens längd</source>
        <translation>Length of the sanction period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Föreslå</source>
        <translation>&amp;Propose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Val</source>
        <translation>Choices</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F&amp;rån:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Till:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;eam:</source>
        <translation>T&amp;eams:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sanktionsperiod:</source>
        <translation>&amp;Sanction period:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inget förslag än. Välj och tryck Föreslå.</source>
        <translation>No proposal yet. Choose and press Propose.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Förslaget</source>
        <translation>The proposal</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Personer i rundan</source>
        <translation>Persons in the round</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Akut &amp;besöksrunda</source>
        <translation>Urgent round of &amp;visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;anktionsperiod</source>
        <translation>Sa&amp;nction period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Uppföljningsuppgifter</source>
        <translation>Follow-&amp;up tasks</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>Kunde inte placeras</source>
        <translation>Could not be placed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Förslag</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Godkänn valda delar</source>
        <translation>&amp;Accept the chosen parts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;vböj…</source>
        <translation>&amp;Decline…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Föreslå respons</source>
        <translation>Propose a response</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 besök föreslagna %2 – %3 till %4 personer.</source>
        <translation>%1 visits proposed %2 – %3 to %4 persons.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ökat fokus för %1 från %2 till %3.</source>
        <translation>Increased focus on %1 from %2 to %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ingen grupp på misstänkt sida: ingen sanktionsperiod.</source>
        <translation>No group on the suspected side: no sanction period.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Personer i rundan (%1)</source>
        <translation>Persons in the round (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kunde inte placeras (%1)</source>
        <translation>Could not be placed (%1)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Välj minst en del att godkänna, eller avböj.</source>
        <translation>Choose at least one part to accept, or decline.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Godkänn respons</source>
        <translation>Accept the response</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Godkänt: %1, %2, %3.</source>
        <translation>Accepted: %1, %2, %3.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n akuta besök planerade</source>
        <translation>
            <numerusform>%n urgent visit planned</numerusform>
            <numerusform>%n urgent visits planned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sanktionsperioder</source>
        <translation>
            <numerusform>%n sanction period</numerusform>
            <numerusform>%n sanction periods</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n uppgifter</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kunde inte planeras:</source>
        <translation>Could not be planned:</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+7"/>
        <source>Avböj respons</source>
        <translation>Decline the response</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Varför avböjs förslaget?</source>
        <translation>Why is the proposal declined?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Förslaget avböjdes.</source>
        <translation>The proposal was declined.</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <location filename="../../desktop/views/admin/retention_tab.py" line="+91"/>
        <source>Gallringsregler</source>
        <translation>Retention rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personer att granska</source>
        <translation>Persons to review</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ny regel…</source>
        <translation>&amp;New rule…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ändra…</source>
        <translation>C&amp;hange…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gallra n&amp;u</source>
        <translation>Delete n&amp;ow</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Radera markerade personer…</source>
        <translation>De&amp;lete selected persons…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Personer utan aktivitet under regelns tid – granska innan radering</source>
        <translation>Persons with no activity during the rule&apos;s period – review before deletion</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Gallring</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Gallringsregel</source>
        <translation>Retention rule</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Gallra</source>
        <translation>Delete by retention</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Gallringen raderade %n poster.</source>
        <translation>
            <numerusform>Retention deletion removed %n record.</numerusform>
            <numerusform>Retention deletion removed %n records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n personer väntar på granskning.</source>
        <translation>
            <numerusform>%n person awaits review.</numerusform>
            <numerusform>%n persons await review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Radera %n personer och allt som hör till dem? Det går inte att ångra.</source>
        <translation>
            <numerusform>Delete %n person and everything that belongs to them? This cannot be undone.</numerusform>
            <numerusform>Delete %n persons and everything that belongs to them? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+11"/>
        <source>Radera personer</source>
        <translation>Delete persons</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/views/persons/review_page.py" line="+34"/>
        <source>Omprövas</source>
        <translation>Review by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gäller</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Koppling till %1</source>
        <translation>Link to %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Att ompröva</source>
        <translation>Due for review</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Behåll i ett halvår till</source>
        <translation>&amp;Keep for another six months</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Öppna person</source>
        <translation>&amp;Open person</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ingen ska stå kvar i kartläggningen utan skäl. Pröva varje post: behåll med nytt omprövningsdatum, eller avsluta kopplingen på profilen.</source>
        <translation>No one should remain in the mapping without a reason. Review each entry: keep it with a new review date, or end the link on the profile.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n att ompröva</source>
        <translation>
            <numerusform>%n due for review</numerusform>
            <numerusform>%n due for review</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Behåll</source>
        <translation>Keep</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <location filename="../../desktop/views/admin/models.py" line="-15"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Senaste aktivitet</source>
        <translation>Last activity</translation>
    </message>
</context>
<context>
    <name>RevisionsView</name>
    <message>
        <location filename="../../desktop/views/incidents/revisions.py" line="+41"/>
        <source>Rättad</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Av</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Före rättelsen</source>
        <translation>Before the correction</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rättelser</source>
        <translation>Corrections</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../desktop/views/admin/retention_tab.py" line="-160"/>
        <source>Gallringsregel</source>
        <translation>Retention rule</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Alla myndigheter</source>
        <translation>All agencies</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> dagar</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>t.ex. 2 kap. 12 § PDL, 3 år</source>
        <translation>e.g. ch. 2 s. 12 PDL, 3 years</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gäller</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Uppgifter</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Myndighet</source>
        <translation>&amp;Agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sparas</source>
        <translation>&amp;Kept for</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lagstöd och frist</source>
        <translation>&amp;Legal basis and period</translation>
    </message>
</context>
<context>
    <name>RulesTableModel</name>
    <message>
        <location filename="../../desktop/views/admin/models.py" line="-28"/>
        <source>Uppgifter</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Myndighet</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sparas (dagar)</source>
        <translation>Kept (days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lagstöd / frist</source>
        <translation>Legal basis / period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Gäller</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vilande</source>
        <translation>Paused</translation>
    </message>
</context>
<context>
    <name>SanctionDialog</name>
    <message>
        <location filename="../../desktop/views/sanctions/dialogs.py" line="-50"/>
        <source>Sanktionsperiod (ökat fokus)</source>
        <translation>Sanction period (increased focus)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>t.ex. skottlossningen i Hyllie den 3 maj</source>
        <translation>e.g. the shooting in Hyllie on 3 May</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vilka åtgärder gruppen möter under perioden</source>
        <translation>Measures the group faces during the period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perioden är avslutad</source>
        <translation>The period has ended</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Utlösande händelse</source>
        <translation>&amp;Triggering event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Åtgärder</source>
        <translation>&amp;Measures</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;lut</source>
        <translation>&amp;End</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Skäl till avslut</source>
        <translation>&amp;Reason for ending</translation>
    </message>
</context>
<context>
    <name>SanctionPeriodsWidget</name>
    <message>
        <location filename="../../desktop/views/sanctions/widget.py" line="+43"/>
        <location line="+39"/>
        <source>Sanktionsperioder</source>
        <translation>Sanction periods</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Ny &amp;period…</source>
        <translation>New &amp;period…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redigera…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Avsluta…</source>
        <translation>&amp;End…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <location line="+3"/>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Till uppföljande budskap: </source>
        <translation>For follow-up messages: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ingen pågående sanktionsperiod.</source>
        <translation>No sanction period in progress.</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+10"/>
        <source>Sanktionsperiod</source>
        <translation>Sanction period</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Avsluta sanktionsperiod</source>
        <translation>End sanction period</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ta bort sanktionsperioden? Det går inte att ångra.</source>
        <translation>Delete the sanction period? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../desktop/views/support/dialogs.py" line="-154"/>
        <source>Stödinsats</source>
        <translation>Support service</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ingen myndighet</source>
        <translation>No agency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erbjuds just nu</source>
        <translation>Currently offered</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Typ</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Namn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Utförare</source>
        <translation>&amp;Provider</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kontakt</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Myndighet</source>
        <translation>&amp;Agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Beskrivning</source>
        <translation>&amp;Description</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../desktop/app.py" line="+160"/>
        <source>Skriv ut &amp;genomgångsunderlag…</source>
        <translation>Print &amp;briefing packet…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Importera kartläggningslista…</source>
        <translation>&amp;Import mapping list…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../desktop/opening.py" line="+47"/>
        <source>Demodatabas (fiktiva uppgifter)</source>
        <translation>Demo database (fictitious data)</translation>
    </message>
</context>
<context>
    <name>ShellStatusBar</name>
    <message>
        <location filename="../../desktop/views/shell/status_bar.py" line="+32"/>
        <source>Inloggad: %1</source>
        <translation>Logged in: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Databas: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>Sidor</name>
    <message>
        <location filename="../../desktop/views/shell/page_titles.py" line="+16"/>
        <source>Personer</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grupperingar</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insatser</source>
        <translation>Operations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stormöten</source>
        <translation>Call-ins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stöd</source>
        <translation>Support</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../desktop/views/wiring.py" line="+64"/>
        <source>Byggs i ärende %1.</source>
        <translation>To be built in issue %1.</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../desktop/views/statistics/statistics_page.py" line="+150"/>
        <source>Rapport (PDF) …</source>
        <extracomment>The &quot;Våld och respons&quot; tab: its figures are computed when it is shown. Groups drawn in the coverage chart (the largest first); the table matches the chart.</extracomment>
        <translation>Report (PDF) …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nyckeltal (XLSX) …</source>
        <translation>Key figures (XLSX) …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forskningsuttag …</source>
        <translation>Research extract …</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Våld och respons</source>
        <translation>Violence and response</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Periodens slut ligger före dess början.</source>
        <translation>The period ends before it begins.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+24"/>
        <source>Räknar …</source>
        <translation>Calculating …</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Beräknat på %1 s.</source>
        <translation>Calculated in %1 s.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Månad</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delgivningar per kanal och månad</source>
        <translation>Deliveries by channel and month</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nådda personer per månad</source>
        <translation>Persons reached per month</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+53"/>
        <source>Nådda</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Nådda mer än en gång</source>
        <translation>Reached 2+ times</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nykartlagda</source>
        <translation>Newly mapped</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Besök per utfall</source>
        <translation>Visits by outcome</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Besök</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stöd</source>
        <translation>Support</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Antal</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steg</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Täckning per grupp</source>
        <translation>Coverage by group</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Täckning per grupp (de %1 största av %2)</source>
        <translation>Coverage by group (the %1 largest of %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Medlemmar</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Personer</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Din roll får se statistiken men inte personerna bakom den.</source>
        <translation>Your role may see the statistics but not the persons behind them.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Händelser</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+5"/>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Filen kunde inte sparas. Välj en annan plats.</source>
        <translation>The file could not be saved. Choose another location.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Något gick fel. Felet är loggat.</source>
        <translation>Something went wrong. The error has been logged.</translation>
    </message>
</context>
<context>
    <name>Statistik</name>
    <message>
        <location filename="helper_strings.py" line="+2"/>
        <source>%1 dagar</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hembesök</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stormöte</source>
        <translation>Call-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kriminalvården</source>
        <translation>Prison &amp; Probation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annat</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jan feb mar apr maj jun jul aug sep okt nov dec</source>
        <translation>Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec</translation>
    </message>
</context>
<context>
    <name>SupportPage</name>
    <message>
        <location filename="../../desktop/views/support/support_page.py" line="+71"/>
        <location line="+46"/>
        <location line="+9"/>
        <source>Stödkatalog</source>
        <translation>Support catalogue</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>&amp;Ny stödinsats…</source>
        <translation>&amp;New support service…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redigera…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stöd som kan erbjudas vid hembesök och stormöten.</source>
        <translation>Support that can be offered at home visits and call-ins.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statusfilter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pågående</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+22"/>
        <location line="+15"/>
        <source>Remisser</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Ny &amp;remiss…</source>
        <translation>New &amp;referral…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Öppna…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vi&amp;sa:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n remisser</source>
        <translation>
            <numerusform>%n referral</numerusform>
            <numerusform>%n referrals</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+4"/>
        <location line="+6"/>
        <location line="+5"/>
        <source>Stödinsats</source>
        <translation>Support service</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>Remiss</source>
        <translation>Referral</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <location filename="../../desktop/views/operations/targets_tab.py" line="+83"/>
        <source>Grupperingar</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Områden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lägsta prioritet</source>
        <translation>Minimum priority</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minst %1</source>
        <translation>At least %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inte besökt de senaste</source>
        <translation>Not visited in the last</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> dagar</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Antal dagar</source>
        <translation>Number of days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bara grupperingar i aktiv konflikt</source>
        <translation>Only groups in active conflict</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Antal träffar</source>
        <translation>Number of matches</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Visa trä&amp;ffar</source>
        <translation>Show matc&amp;hes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lägg till mar&amp;kerade</source>
        <translation>Add mar&amp;ked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lägg till a&amp;lla träffar</source>
        <translation>Add a&amp;ll matches</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Gr&amp;upperingar</source>
        <translation>Gro&amp;ups</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pr&amp;ioritet</source>
        <translation>Pr&amp;iority</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;Ta bort markerade mål</source>
        <translation>&amp;Remove selected targets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Träffar</source>
        <translation>Matches</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+124"/>
        <location line="+36"/>
        <source>Målpersoner</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location line="-157"/>
        <location line="+66"/>
        <location line="+33"/>
        <location line="+10"/>
        <source>Urval</source>
        <translation>Selection</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>&amp;Områden</source>
        <translation>Ar&amp;eas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>%n personer matchar</source>
        <translation>
            <numerusform>%n person matches</numerusform>
            <numerusform>%n persons match</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lägg till &amp;alla %1</source>
        <translation>Add &amp;all %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Målpersoner: %1</source>
        <translation>Targets: %1</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <location filename="../../desktop/views/followup/models.py" line="+33"/>
        <source>Klar senast</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uppgift</source>
        <translation>Task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="helper_strings.py" line="-26"/>
        <source>Öppen</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Struken</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Denna vecka</source>
        <translation>This week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klar</source>
        <translation>Done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Försenad %1 d</source>
        <translation>Overdue %1 d</translation>
    </message>
</context>
<context>
    <name>TeamsTab</name>
    <message>
        <location filename="../../desktop/views/operations/teams_tab.py" line="+41"/>
        <location line="+15"/>
        <location line="+30"/>
        <location line="+1"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Teamets namn</source>
        <translation>Team name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Högst antal besök per dag</source>
        <translation>Maximum visits per day</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Medarbetare</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Myndigheter i teamet</source>
        <translation>Agencies in the team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ytt team</source>
        <translation>Ne&amp;w team</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Teamets namn</source>
        <translation>&amp;Team name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Me&amp;darbetare</source>
        <translation>Staff m&amp;embers</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Spara team</source>
        <translation>&amp;Save team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta &amp;bort team</source>
        <translation>De&amp;lete team</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Högst besök per dag</source>
        <translation>Ma&amp;x visits per day</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>För få medlemmar</source>
        <translation>Too few members</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Spara team</source>
        <translation>Save team</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Ta bort team</source>
        <translation>Delete team</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <location filename="../../desktop/views/printing/template_editor.py" line="+43"/>
        <source>Mallar för utskrifter</source>
        <translation>Print templates</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+72"/>
        <source>Mallar</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Mallens text</source>
        <translation>Template text</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Spara ny version</source>
        <translation>Save new version</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Standardtext (inte sparad ännu)</source>
        <translation>Default text (not saved yet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version %1, sparad %2</source>
        <translation>Version %1, saved %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{namn}, {roll} och {telefon} fylls i med programmets samordnare (den första aktiva samordnaren med ett telefonnummer). Skriv en rad utan dem för att ange ett eget nummer.</source>
        <translation>{namn}, {roll} and {telefon} are filled in with the programme&apos;s coordinator (the first active coordinator with a phone number). Write a line without them to give a number of your own.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Ny version sparad.</source>
        <translation>New version saved.</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <location filename="../../desktop/views/admin/templates_tab.py" line="+23"/>
        <source>Mallarna för budskapet, öppningsfrasen och kontaktuppgifterna redigeras i utskriftsdelen. Varje ändring sparas som en ny version.</source>
        <translation>The templates for the message, the opening phrase and the contact details are edited in the printing section. Each change is saved as a new version.</translation>
    </message>
</context>
<context>
    <name>TimeGridView</name>
    <message>
        <location filename="../../desktop/views/calendar/time_grid.py" line="+208"/>
        <source>v. %1</source>
        <translation>wk %1</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../desktop/views/admin/user_dialog.py" line="+29"/>
        <source>Återställ lösenord</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ny användare</source>
        <translation>New user</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Användarnamn</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Namn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Roll</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Myndighet</source>
        <translation>&amp;Agency</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Lösenord</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Upprepa</source>
        <translation>Rep&amp;eat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Åter&amp;ställningskod</source>
        <translation>Re&amp;covery code</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minst 12 tecken; en mening med flera ord fungerar bra. Vanliga lösenord och namn på personen, myndigheten eller programmet godtas inte. Återställningskoden behövs för en annan myndighet än din egen och vid återställning.</source>
        <translation>At least 12 characters; a sentence of several words works well. Common passwords and the names of the person, the agency or the programme are not accepted. The recovery code is needed for an agency other than your own and for a reset.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Lösenorden är inte lika.</source>
        <translation>The passwords do not match.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../desktop/views/admin/users_tab.py" line="+43"/>
        <location line="+20"/>
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>&amp;Ny användare…</source>
        <translation>&amp;New user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Byt &amp;roll…</source>
        <translation>Change &amp;role…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stäng av</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Återställ lösenord…</source>
        <translation>Reset &amp;password…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Ny användare</source>
        <translation>New user</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+9"/>
        <source>Byt roll</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Ny roll för %1</source>
        <translation>New role for %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stänga av %1? Kontot kan inte logga in igen, och databasens nycklar byts så att en gammal kopia av nyckelfilen inte öppnar något.</source>
        <translation>Switch %1 off? The account can no longer log in, and the database&apos;s keys are changed so that an old copy of the key file opens nothing.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stänga av %1? Kontot kan inte logga in igen och förlorar genast alla rättigheter på servern, även i en session som redan är öppen.</source>
        <translation>Deactivate %1? The account cannot log in again and loses every right on the server at once, also in a session that is already open.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+8"/>
        <location line="+15"/>
        <location line="+7"/>
        <source>Stäng av</source>
        <translation>Switch off</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>%1s avdelningsnyckel byts bara med återställningskoden. Ange den, eller lämna fältet tomt för att stänga av utan att byta den nyckeln.</source>
        <translation>%1&apos;s compartment key is changed only with the recovery code. Enter it, or leave the field empty to switch the account off without changing that key.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Nytt lösenord</source>
        <translation>New password</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <location filename="../../desktop/views/admin/models.py" line="-66"/>
        <source>Användarnamn</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Myndighet</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Senast inloggad</source>
        <translation>Last logged in</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Avstängd</source>
        <translation>Deactivated</translation>
    </message>
</context>
<context>
    <name>WeekDistrictTableModel</name>
    <message>
        <location filename="../../desktop/views/incidents/week_overview.py" line="+86"/>
        <source>(okänt område)</source>
        <extracomment>The cell&apos;s fill from none to many incidents; the text is dark on every step.</extracomment>
        <translation>(unknown district)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Vecka %1: %2 – %3</source>
        <translation>Week %1: %2 – %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Inga händelser</source>
        <translation>No incidents</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 händelser (%2)</source>
        <translation>%1 incidents (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Respons: %1</source>
        <translation>Response: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ingen respons med akuta besök</source>
        <translation>No response with urgent visits</translation>
    </message>
</context>
<context>
    <name>WeekOverviewPage</name>
    <message>
        <location line="+36"/>
        <source> veckor</source>
        <translation> weeks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Antal veckor</source>
        <translation>Number of weeks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visa de &amp;senaste:</source>
        <translation>Show the la&amp;st:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kolumnerna är ISO-veckor; den senaste längst till höger.</source>
        <translation>The columns are ISO weeks, the latest on the right.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Händelser per vecka och område</source>
        <translation>Incidents by week and district</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+14"/>
        <source>Insatser som svarade</source>
        <translation>Operations that responded</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Välj en ruta för att se insatserna som svarade.</source>
        <translation>Choose a cell to see the operations that responded.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Talet är antalet händelser; ✓ räknar insatser med akuta besök efter dem. Färgen blir mörkare med fler händelser.</source>
        <translation>The number is the count of incidents; ✓ counts operations with urgent visits after them. The colour darkens with more incidents.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Teckenförklaring</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Händelser per vecka</source>
        <translation>Incidents by week</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Inga händelser den veckan i området.</source>
        <translation>No incidents in the district that week.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vecka %1, %2: %3</source>
        <translation>Week %1, %2: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(ingen respons med akuta besök)</source>
        <translation>(no response with urgent visits)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../desktop/views/login/first_run_wizard.py" line="-257"/>
        <source>Välkommen till Rondplan</source>
        <translation>Welcome to Rondplan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rondplan hjälper polis, socialtjänst och Kriminalvården att planera, genomföra och följa upp hembesök och stormöten i arbetet mot gruppvåld. Uppgifterna sparas krypterade, och varje myndighet ser bara det den har rätt att se.</source>
        <translation>Rondplan helps the police, social services and the Prison and Probation Service plan, carry out and follow up home visits and call-ins in the work against group violence. The data is stored encrypted, and each agency sees only what it is entitled to see.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nu skapar du databasen och dess första administratör. Det tar en minut.</source>
        <translation>You will now create the database and its first administrator. It takes a minute.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Arbetar ni på en delad server? Då skapar du ingen egen databas: anslut till servern med det konto administratören gett dig.</source>
        <translation>Working on a shared server? Then you do not create a database of your own: connect to the server with the account your administrator gave you.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Anslut till en &amp;server i stället…</source>
        <translation>Connect to a &amp;server instead…</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../desktop/views/operations/actions.py" line="+33"/>
        <source>Utfall</source>
        <translation>Outcome</translation>
    </message>
</context>
</TS>
