# A huge bruise on the quads, only mentioned in answer to the swelling question
> my quads hurt after my trail run
plugin: triage
entities.body_parts: ["quads"]
awaiting: swelling
> no swelling but there's a huge bruise where I fell
plugin: triage
entities.red_flags contains: wound
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:wound
reply lacks: What kind of pain
reply lacks: 1.
