#ifndef RUBDOWN_CREADLINE_SHIM_H
#define RUBDOWN_CREADLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Setters for readline's globals: Swift 6 rejects assigning shared mutable C state. */
static inline void rubdown_set_completion(rl_completion_func_t *fn) { rl_attempted_completion_function = fn; }
static inline void rubdown_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void rubdown_set_signal_hook(rl_hook_func_t *fn) { rl_signal_event_hook = fn; }
static inline void rubdown_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void rubdown_set_catch_signals(int on) { rl_catch_signals = on; }
static inline void rubdown_set_catch_sigwinch(int on) { rl_catch_sigwinch = on; }
#endif
