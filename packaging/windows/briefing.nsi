; The Windows installer: Briefing-VERSION-Setup.exe, a per-user install (no administrator rights).
;
; Built by build-on-linux.sh (or by hand on any machine with NSIS 3) from the PyInstaller folder:
;     makensis -DVERSION=0.1.0 -DBUNDLE=path\to\dist\Briefing -DOUTFILE=Briefing-0.1.0-Setup.exe
;              [-DCOMPRESSOR="/SOLID lzma"] packaging\windows\briefing.nsi
;
; What it does, all under the user's own profile and registry (HKCU):
;   - copies the app to %LOCALAPPDATA%\Programs\Briefing (Windows' folder for per-user programs);
;   - a Start-menu entry for Briefing.exe;
;   - Briefing under "Open with" for .yaml files, without taking .yaml away from the user's editor
;     (HKCU\Software\Classes\.yaml\OpenWithProgids -> Briefing.Trip);
;   - an uninstaller listed in Settings > Apps (HKCU\...\Uninstall\Briefing).
; Both the installer and the uninstaller run silently with /S. Uninstalling removes what the
; installer wrote, and the icon fonts qtawesome copied into the user's font folder, and nothing
; else: the user's settings and recovery copies stay.
;
; Target amd64-unicode: a 64-bit installer. NSIS's default 32-bit one would also run on 64-bit
; Windows (and would write to the 32-bit registry view), but does nothing on a 64-bit-only Wine.

Unicode true
Target amd64-unicode

!ifndef VERSION
  !error "define VERSION, e.g. makensis -DVERSION=0.1.0"
!endif
!ifndef BUNDLE
  !error "define BUNDLE, the PyInstaller folder (dist\Briefing)"
!endif
!ifndef OUTFILE
  !define OUTFILE "Briefing-${VERSION}-Setup.exe"
!endif
; zlib: CI builds one on every run; "lzma" is a fifth smaller and takes 5x the CPU time,
; "/SOLID lzma" two fifths smaller and slower still (packaging/README.md has the numbers).
!ifndef COMPRESSOR
  !define COMPRESSOR "zlib"
!endif
; The four-part version Windows shows in the file's properties (0.1.0 -> 0.1.0.0).
!ifndef FILEVERSION
  !define FILEVERSION "${VERSION}.0"
!endif

!define APP "Briefing"
!define PROGID "Briefing.Trip"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Briefing"
!define FONTS_KEY "Software\Microsoft\Windows NT\CurrentVersion\Fonts"

SetCompressor /FINAL ${COMPRESSOR}
Name "${APP}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
ManifestDPIAware true
ManifestSupportedOS Win7 Win8 Win8.1 Win10
SetOverwrite on
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${FILEVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${__FILEDIR__}\briefing.ico"
!define MUI_UNICON "${__FILEDIR__}\briefing.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\Briefing.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; Windows in Korean gets Korean pages.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Korean"

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "Briefing" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update: the previous version's libraries must not linger beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\Briefing.exe" "" "$INSTDIR\Briefing.exe" 0

  ; "Open with" for .yaml: a ProgID of our own, listed under .yaml's OpenWithProgids.
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Briefing trip"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "FriendlyTypeName" "Briefing trip (YAML)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\Briefing.exe",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\Briefing.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\.yaml\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\Briefing.exe" "FriendlyAppName" "${APP}"
  WriteRegStr HKCU "Software\Classes\Applications\Briefing.exe\SupportedTypes" ".yaml" ""
  WriteRegStr HKCU "Software\Classes\Applications\Briefing.exe\shell\open\command" "" '"$INSTDIR\Briefing.exe" "%1"'

  ; Settings > Apps (and Control Panel's Programs and Features).
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" '"$INSTDIR\Briefing.exe",0'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0

  ; Tell Explorer the associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  ; qtawesome (the window's icons) copies its icon fonts into the user's font folder on first start
  ; and lists them under HKCU's Fonts key, where Word and Hancom would offer them forever: take
  ; away the ones this app carries. (Another program using qtawesome copies them again when it
  ; starts.) Done first: the list is the app's own qtawesome\fonts folder.
  StrCpy $0 0
  fonts_loop:
    EnumRegValue $1 HKCU "${FONTS_KEY}" $0
    StrCmp $1 "" fonts_files
    ReadRegStr $2 HKCU "${FONTS_KEY}" $1
    IfFileExists "$INSTDIR\_internal\qtawesome\fonts\$2" 0 fonts_next
      DeleteRegValue HKCU "${FONTS_KEY}" $1
      ClearErrors
      ReadRegStr $3 HKCU "${FONTS_KEY}" $1
      IfErrors fonts_loop  ; deleted: the values after it moved up by one
    fonts_next:
    IntOp $0 $0 + 1
    Goto fonts_loop
  fonts_files:
  FindFirst $0 $1 "$INSTDIR\_internal\qtawesome\fonts\*.*"
  fonts_file_loop:
    StrCmp $1 "" fonts_done
    StrCmp $1 "." fonts_file_next
    StrCmp $1 ".." fonts_file_next
    System::Call 'gdi32::RemoveFontResourceW(w "$LOCALAPPDATA\Microsoft\Windows\Fonts\$1")'
    Delete "$LOCALAPPDATA\Microsoft\Windows\Fonts\$1"
    fonts_file_next:
    FindNext $0 $1
    Goto fonts_file_loop
  fonts_done:
  FindClose $0

  ; Only what the installer put there: a folder the user chose may hold other files too.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\Briefing.exe"
  Delete "$INSTDIR\briefing-cli.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  RMDir "$LOCALAPPDATA\Programs"  ; only when no other per-user program is left in it

  Delete "$SMPROGRAMS\${APP}.lnk"

  DeleteRegValue HKCU "Software\Classes\.yaml\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.yaml\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.yaml"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\Briefing.exe"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
