# Chest pain mentioned while answering a follow-up question stops the questions at once
> my hamstrings hurt after my long run
plugin: triage
entities.body_parts: ["hamstrings"]
awaiting: swelling
> no
awaiting: pain_kind
> it's tight, and now I've got a pain in my chest
plugin: triage
entities.red_flags contains: chest
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:chest
reply contains: emergency
reply lacks: How bad is it
> should I have an ice bath?
plugin: bath
awaiting: null
reply lacks: 10-15
