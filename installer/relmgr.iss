; Inno Setup script: wraps the PyInstaller folder (dist\relmgr) into a per-user Windows installer.
; Build on Windows after installer\build.sh (or the same PyInstaller command):  iscc installer\relmgr.iss
; AppVersion and AppPublisher: written by installer\relmgr.spec from relmgr\__init__.py and
; pyproject.toml, so they are set in one place.
#include "..\dist\relmgr-version.iss"

[Setup]
AppId={{6D1A2E0B-8E55-4E0C-9D7B-5C0B8F1E2A41}
AppName=relmgr
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={localappdata}\Programs\relmgr
DefaultGroupName=relmgr
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=relmgr-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\resources\icons\relmgr.ico
UninstallDisplayIcon={app}\relmgr.exe

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\dist\relmgr\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
; relmgr.exe carries the icon (PyInstaller embeds resources\icons\relmgr.ico); relmgr-cli.exe is
; the console executable for the command line and gets no Start-menu entry.
Name: "{group}\relmgr"; Filename: "{app}\relmgr.exe"
Name: "{group}\relmgr (demo)"; Filename: "{app}\relmgr.exe"; Parameters: "--demo"

[Run]
Filename: "{app}\relmgr.exe"; Description: "Start relmgr"; Flags: nowait postinstall skipifsilent
