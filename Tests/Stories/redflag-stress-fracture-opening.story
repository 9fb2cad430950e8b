# Pain pinpointed on the shin bone that gets worse with every step: possible stress fracture
> there is pain in one spot on my shin bone and it hurts more with every step
plugin: triage
entities.body_parts: ["shins"]
entities.red_flags contains: stress-fracture
awaiting: null
triage.level: seek-care
triage.body_parts contains: shins
triage.reasons contains: red-flag:stress-fracture
reply contains: today
reply lacks: 1.
