// Older glibc symbol versions for the release binary carried to servers (see GlibcCompat.c).
#ifndef CGLIBC_COMPAT_H
#define CGLIBC_COMPAT_H
/// Always 1; lets Swift reference the module so the linker keeps the wrappers.
int cglibc_compat_linked(void);
#endif
