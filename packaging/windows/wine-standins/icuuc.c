/* Stand-in for Windows 10's icuuc.dll (the system ICU), for a Wine 8.0 prefix only (never shipped).
 *
 * Qt6Core.dll of the Windows PySide6 wheels imports its character-set converters from the system
 * ICU, which Wine 8.0 lacks, so Qt does not load at all. Briefing reads and writes UTF-8 only, which
 * Qt converts itself; this stand-in offers no other converters: opening one fails, and the list of
 * available ones is empty. Built by build-on-linux.sh with MinGW-w64; see packaging/README.md.
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
#define U_FILE_ACCESS_ERROR 4
#define U_UNSUPPORTED_ERROR 16
#define EXPORT __declspec(dllexport)

static void fail(UErrorCode *err, UErrorCode code)
{
    if (err && *err <= 0)
        *err = code;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err, U_FILE_ACCESS_ERROR); return NULL; }
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; fail(err, U_UNSUPPORTED_ERROR); return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) { (void)name; (void)standard; fail(err, U_UNSUPPORTED_ERROR); return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT void ucnv_getToUCallBack(const void *cnv, void **action, const void **context) { (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context) { (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_setToUCallBack(void *cnv, void *action, const void *context, void **old_action, const void **old_context, UErrorCode *err) { (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; fail(err, U_UNSUPPORTED_ERROR); }
EXPORT void ucnv_setFromUCallBack(void *cnv, void *action, const void *context, void **old_action, const void **old_context, UErrorCode *err) { (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; fail(err, U_UNSUPPORTED_ERROR); }
EXPORT void ucnv_toUnicode(void *cnv, void **target, const void *target_limit, const char **source, const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err) { (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush; fail(err, U_UNSUPPORTED_ERROR); }
EXPORT void ucnv_fromUnicode(void *cnv, char **target, const char *target_limit, const void **source, const void *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err) { (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush; fail(err, U_UNSUPPORTED_ERROR); }
EXPORT int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; (void)err; return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; (void)err; return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *args, const void *source, int32_t length, int32_t offset, UErrorCode *err) { (void)args; (void)source; (void)length; (void)offset; fail(err, U_UNSUPPORTED_ERROR); }
EXPORT void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *source_limit, int32_t offset, UErrorCode *err) { (void)args; (void)source; (void)source_limit; (void)offset; fail(err, U_UNSUPPORTED_ERROR); }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const void *code_units, int32_t length, int32_t code_point, int reason, UErrorCode *err) { (void)context; (void)args; (void)code_units; (void)length; (void)code_point; (void)reason; (void)err; }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *code_units, int32_t length, int reason, UErrorCode *err) { (void)context; (void)args; (void)code_units; (void)length; (void)reason; (void)err; }
