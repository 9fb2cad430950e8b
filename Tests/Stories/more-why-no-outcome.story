# "more" and "why" before any outcome point to describing the soreness first, and never fail
> why
intent: core.why
triage: null
reply contains: Tell me what's sore
> more
plugin: triage
intent: triage.more
triage: null
reply contains: Tell me what's sore
> how do I do drumming?
intent: technique.howto
# with no outcome on screen, "why" shows how the last line was understood and its sources, as before
> why
intent: core.why
reply contains: input:
reply contains: techniques:drumming
