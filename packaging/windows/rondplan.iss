; Inno Setup script for Rondplan (per-machine install by a county IT department).
; Build the one-folder bundle first (packaging/README.md), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\rondplan.iss
; User data (database, keyslots, backups, logs) lives in the per-user folder
; %LOCALAPPDATA%\Rondplan and is never touched by install or uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{7C0E4F2B-52A1-4B0B-9B6E-2C6F3A8D9E11}
AppName=Rondplan
AppVersion={#AppVersion}
AppPublisher=Rondplan
DefaultDirName={autopf}\Rondplan
DefaultGroupName=Rondplan
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\installer
OutputBaseFilename=Rondplan-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\rondplan.ico
UninstallDisplayIcon={app}\rondplan.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Silent deployment (SCCM/Intune): Rondplan-x.y.z-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
CloseApplications=yes

[Languages]
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\build\dist\Rondplan\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Rondplan"; Filename: "{app}\rondplan.exe"; WorkingDir: "{app}"
Name: "{autoprograms}\Rondplan självtest"; Filename: "{app}\rondplan.exe"; Parameters: "--self-test"; WorkingDir: "{app}"

[Run]
Filename: "{app}\rondplan.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Kontrollerar installationen..."

; No [UninstallDelete] for user data: databases and keys stay in %LOCALAPPDATA%\Rondplan.
