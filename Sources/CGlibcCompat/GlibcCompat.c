// The static Swift runtime and Foundation call hypot and hypotf, and the static C++ runtime of
// GCC 12 calls arc4random (std::random_device). Linked against a newer glibc, those calls bind to
// the GLIBC_2.35 and GLIBC_2.36 versions of the symbols, so the binary would not start on glibc 2.34
// systems (Amazon Linux 2023, RHEL 9). The release build links with `--wrap=hypot --wrap=hypotf
// --wrap=arc4random` (Scripts/build-release), which sends every call to the functions below: the
// hypot versions every x86_64/aarch64 glibc has (the same function), and getrandom (glibc 2.25).
#include "CGlibcCompat.h"
#include <sys/random.h>

int cglibc_compat_linked(void) { return 1; }

#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#if defined(__x86_64__)
#define CGLIBC_BASE "GLIBC_2.2.5"
#else
#define CGLIBC_BASE "GLIBC_2.17"
#endif

double cglibc_hypot_base(double x, double y);
float cglibc_hypotf_base(float x, float y);
__asm__(".symver cglibc_hypot_base, hypot@" CGLIBC_BASE);
__asm__(".symver cglibc_hypotf_base, hypotf@" CGLIBC_BASE);

double __wrap_hypot(double x, double y) { return cglibc_hypot_base(x, y); }
float __wrap_hypotf(float x, float y) { return cglibc_hypotf_base(x, y); }
#endif

#if defined(__linux__)
unsigned int __wrap_arc4random(void) {
    unsigned int value = 0;
    // getrandom on a 4-byte buffer returns all of it unless a signal interrupts it: retry then.
    while (getrandom(&value, sizeof value, 0) != (ssize_t)sizeof value) {}
    return value;
}
#endif
