/* Stand-in for mscms.dll (colour management), for a Wine 8.0 prefix only (never shipped).
 *
 * Qt's Windows platform plugin (qwindows.dll) imports WcsCreateIccProfile, which Wine 8.0's
 * mscms.dll lacks, so the window cannot start. This replaces Wine's mscms.dll in the prefix
 * (WINEDLLOVERRIDES=mscms=n) with the four functions Qt imports; none finds a colour profile, so
 * Qt treats every screen as sRGB. Built by build-on-linux.sh with MinGW-w64; see packaging/README.md.
 */
#include <windows.h>

#define EXPORT __declspec(dllexport)

EXPORT HANDLE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation)
{
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return NULL;
}

EXPORT BOOL WINAPI CloseColorProfile(HANDLE profile) { (void)profile; return TRUE; }

EXPORT BOOL WINAPI GetColorProfileFromHandle(HANDLE profile, BYTE *buffer, DWORD *size)
{
    (void)profile; (void)buffer; (void)size;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

EXPORT HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options)
{
    (void)profile; (void)options;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
