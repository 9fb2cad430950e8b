# A knee that swelled up straight away, said in answer to the swelling question: knee red flag, not a blood clot
> my knee hurts after I twisted it on my run
plugin: triage
entities.body_parts: ["knees"]
awaiting: swelling
> yes it swelled up straight away
plugin: triage
entities.red_flags contains: knee-injury
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:knee-injury
triage.reasons lacks: red-flag:clot
reply lacks: What kind of pain
