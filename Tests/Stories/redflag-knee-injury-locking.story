# A knee that locks and gives way needs checking today
> my knee keeps locking and it gave way on the stairs after my run
plugin: triage
entities.body_parts: ["knees"]
entities.red_flags contains: knee-injury
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:knee-injury
reply contains: today
reply lacks: 1.
