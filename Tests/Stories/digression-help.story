# Asking for help in the middle of the questions shows the help, then returns to the pending question
> my glutes hurt after a 10k yesterday
plugin: triage
awaiting: swelling
> no
awaiting: spread
> no, it stays put
awaiting: pain_kind
> help
plugin: core
intent: core.help
reply contains: Back to your glutes
awaiting: pain_kind
> it's tight
plugin: triage
entities.pain_kind: tight
awaiting: pain_level
