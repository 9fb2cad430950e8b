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
# with no outcome on screen, "why" says in plain words how the last line was understood and its sources
> why
intent: core.why
reply contains: I took "how do I do drumming?" as a request to explain a massage technique
reply contains: What I said draws on: How to Massage Your Leg Muscles After a Run
