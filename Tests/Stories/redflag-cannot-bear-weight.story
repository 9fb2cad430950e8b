# A rolled ankle the runner can't put weight on: get seen today, no massage
> I rolled my ankle and can't put any weight on it
plugin: triage
entities.body_parts: ["ankles"]
entities.red_flags contains: cannot-bear-weight
awaiting: null
triage.level: seek-care
triage.body_parts contains: ankles
triage.reasons contains: red-flag:cannot-bear-weight
reply contains: today
reply lacks: 1.
