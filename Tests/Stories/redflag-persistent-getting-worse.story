# Pain that keeps getting worse every day, said as the answer to how bad it is
> my it band hurts after my runs
plugin: triage
entities.body_parts: ["it-band"]
awaiting: swelling
> no
awaiting: pain_kind
> it's tight
awaiting: pain_level
> a 6, and it keeps getting worse every day
entities.pain_level: 6
entities.red_flags contains: persistent
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:persistent
reply lacks: When did it start
