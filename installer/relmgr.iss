; Inno Setup script: wraps the PyInstaller folder (dist\relmgr) into a per-user Windows installer.
; Build on Windows after installer\build.sh (or the same PyInstaller command):  iscc installer\relmgr.iss
#define AppVersion "0.1.0"

[Setup]
AppId={{6D1A2E0B-8E55-4E0C-9D7B-5C0B8F1E2A41}
AppName=relmgr
AppVersion={#AppVersion}
AppPublisher=relmgr
DefaultDirName={localappdata}\Programs\relmgr
DefaultGroupName=relmgr
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=relmgr-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\dist\relmgr\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\relmgr"; Filename: "{app}\relmgr.exe"
Name: "{group}\relmgr (demo)"; Filename: "{app}\relmgr.exe"; Parameters: "--demo"

[Run]
Filename: "{app}\relmgr.exe"; Description: "Start relmgr"; Flags: nowait postinstall skipifsilent
