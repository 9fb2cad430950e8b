# Shin pain for over a week that isn't getting better: see someone, don't just rub it
> my shins have hurt for over a week and it's still not getting better
plugin: triage
entities.body_parts: ["shins"]
entities.red_flags contains: persistent
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:persistent
reply contains: within the next few days
reply lacks: 1.
