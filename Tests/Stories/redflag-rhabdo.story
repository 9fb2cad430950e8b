# Extreme muscle pain with cola-coloured urine after an ultra: emergency, don't massage
> my legs are extremely painful after the ultra and my pee is dark like cola
plugin: triage
entities.red_flags contains: rhabdo
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:rhabdo
reply contains: emergency
reply lacks: 1.
> should I have a warm bath?
plugin: bath
reply lacks: 37-40
