/* LeakSanitizer suppressions for leaks in the Swift toolchain's own libraries, linked into the
 * `rubdown` binary and the test bundle so that `swift test --sanitize=address` passes as is while
 * a leak in Rubdown's code is still reported (scripts/sanitizers.sh; README "Sanitizers").
 *
 * LeakSanitizer suppresses a leak when ANY frame of its allocation stack matches a line, so each
 * line names one function in which the leaked memory is allocated and which calls no Rubdown code,
 * never a whole library. Names are the mangled Swift symbols LeakSanitizer prints, without the
 * leading "$s" (a "$" in a pattern anchors the end of the match).
 *
 * In an ordinary build this file is empty; only an AddressSanitizer build defines the function.
 */
#include "LeakSanitizerSuppressions.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
/* Without this LeakSanitizer ends every process in which a suppression matched with a
 * "Suppressions used:" table on stderr, and rubdown's stderr is part of what the tests check.
 * To see the table: LSAN_OPTIONS=print_suppressions=1 (the environment overrides these). */
__attribute__((used, visibility("default")))
const char *__lsan_default_options(void) {
    return "print_suppressions=0";
}

__attribute__((used, visibility("default")))
const char *__lsan_default_suppressions(void) {
    return
        /* FoundationEssentials.readBytesFromFile(path:reportProgress:maxLength:options:...):
         * on Linux an empty file (st_size 0) is read in 4 KB chunks into a malloc'ed buffer;
         * readDataFromFile then returns Data() for the 0 bytes read and never frees it. Every
         * String(contentsOf:) / FileManager.contents(atPath:) of an empty file leaks 4,096 bytes
         * (the tests read rubdown's empty stderr; rubdown reads an empty overlay or journal). */
        "leak:FoundationEssentials17readBytesFromFile\n"
        /* Foundation.Process.run(): a weak reference formed inside it allocates a side table that
         * Swift points to only from the object's encoded refcount word, which LeakSanitizer cannot
         * read as a pointer; reported when a Process is still alive at exit (tests only). */
        "leak:10Foundation7ProcessC3runyyKF\n"
        /* XCTest's runner (`swift test` runs it first, for XCTest tests; Rubdown has none, its tests
         * are Swift Testing, run in a second process): the root XCTestSuite objects and their
         * XCTestSuiteRun records reference each other and are never freed. */
        "leak:6XCTest0A8SuiteRunC4testAc2AC_tcfC\n"       /* XCTestSuiteRun.__allocating_init(test:) */
        "leak:6XCTest0A8SuiteRunC07addTestC0yyAA0aC0CF\n" /* XCTestSuiteRun.addTestRun(_:) */
        "leak:6XCTest11XCTMainMisc_9arguments9observers\n"; /* XCTMainMisc(_:arguments:observers:) */
}
#endif
#endif
