#ifndef SOATXET_CPCRE2_SHIM_H
#define SOATXET_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* PCRE2_SIZE is size_t, imported as Int: PCRE2_UNSET (~0) reads as -1 in Swift. */
#endif
