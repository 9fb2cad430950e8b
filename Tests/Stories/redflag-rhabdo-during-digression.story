# A red flag tucked into a digression mid-way still stops the questions at once: emergency, no technique steps
> my quads hurt after a 10k
awaiting: swelling
> no
awaiting: pain_kind
> how do I do pressing? also my pee has gone dark brown and my legs feel really weak
plugin: triage
entities.red_flags contains: rhabdo
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:rhabdo
reply contains: emergency
reply lacks: Back to your
reply lacks: 1.
