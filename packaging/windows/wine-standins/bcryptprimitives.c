/* Stand-in for Windows 10's bcryptprimitives.dll, for a Wine 8.0 prefix only (never shipped).
 *
 * Rust's standard library (inside cryptography's _rust.pyd) fills its random numbers with
 * ProcessPrng, which Wine 8.0 does not have: without it the Windows wheel of cryptography does not
 * load, and a book cannot be locked with a password. This one asks Wine's bcrypt.dll instead.
 * Built by build-on-linux.sh with MinGW-w64; see packaging/README.md.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
