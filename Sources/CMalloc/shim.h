#ifndef SOATXET_CMALLOC_SHIM_H
#define SOATXET_CMALLOC_SHIM_H
/* glibc's allocator settings and statistics: mallopt, mallinfo2. */
#include <malloc.h>
#endif
