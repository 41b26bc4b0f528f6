; Inno Setup script for Rondplan (per-machine install by a county IT department).
; Build the one-folder bundle first (packaging/README.md), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\rondplan.iss
; User data (database, keyslots, backups, logs) lives in the per-user folder
; %LOCALAPPDATA%\Rondplan and is never touched by install or uninstall.
; Saved as UTF-8 with a byte-order mark, so Inno Setup reads "självtest" right.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

; Inno Setup 6 ships Swedish among its unofficial translations, and not every version
; installs that folder: take it from the compiler, or from this folder
; (copy Files/Languages/Unofficial/Swedish.isl from github.com/jrsoftware/issrc).
#if FileExists(AddBackslash(CompilerPath) + "Languages\Swedish.isl")
  #define SwedishMessages "compiler:Languages\Swedish.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Swedish.isl")
  #define SwedishMessages "compiler:Languages\Unofficial\Swedish.isl"
#elif FileExists(AddBackslash(SourcePath) + "Swedish.isl")
  #define SwedishMessages "Swedish.isl"
#else
  #error Swedish.isl saknas: lägg den i packaging\windows (se packaging/README.md).
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
#ifdef Sign
; iscc /DSign "/Ssigntool=signtool sign ... $f" signs the installer and the uninstaller.
SignTool=signtool
#endif

[Languages]
Name: "swedish"; MessagesFile: "{#SwedishMessages}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
swedish.SelfTestIcon=Rondplan självtest
english.SelfTestIcon=Rondplan self-test
swedish.RunSelfTest=Kör Rondplans självtest
english.RunSelfTest=Run Rondplan's self-test

[Files]
Source: "..\..\build\dist\Rondplan\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Rondplan"; Filename: "{app}\rondplan.exe"; WorkingDir: "{app}"
; rondplan.exe is a GUI program without a console; the self-test prints through
; rondplan-cli.exe in a console window that stays open (cmd /k).
Name: "{autoprograms}\{cm:SelfTestIcon}"; Filename: "{cmd}"; Parameters: "/k """"{app}\rondplan-cli.exe"" --self-test"""; WorkingDir: "{app}"; IconFilename: "{app}\rondplan.exe"

[Run]
; Offered on the last page of an interactive install; a silent install skips it (IT
; runs rondplan-cli.exe --self-test itself, packaging/README.md).
Filename: "{cmd}"; Parameters: "/k """"{app}\rondplan-cli.exe"" --self-test"""; Description: "{cm:RunSelfTest}"; Flags: postinstall skipifsilent unchecked

; No [UninstallDelete] for user data: databases and keys stay in %LOCALAPPDATA%\Rondplan.
