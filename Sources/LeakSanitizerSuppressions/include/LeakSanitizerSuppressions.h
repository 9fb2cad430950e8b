#ifndef RUBDOWN_LEAK_SANITIZER_SUPPRESSIONS_H
#define RUBDOWN_LEAK_SANITIZER_SUPPRESSIONS_H
/* Nothing to call: see LeakSanitizerSuppressions.c. LeakSanitizer (part of AddressSanitizer)
   looks these functions up by name in the executable it runs in. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);
#endif
