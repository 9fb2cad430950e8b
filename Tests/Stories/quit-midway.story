# "quit" in the middle of the questions ends the conversation
> my quads hurt
plugin: triage
awaiting: swelling
> no
awaiting: pain_kind
> quit
plugin: core
intent: core.quit
awaiting: null
triage: null
