# "no swelling, but it's sharp" answers the swelling question and the pain kind question in one go
> my hamstrings hurt after a 10k yesterday
awaiting: swelling
> no swelling, but it's sharp
plugin: triage
entities.swelling: false
entities.pain_kind: sharp
entities.red_flags: []
# (The kind of pain came without the question that asks "anything else with it?", so that part is asked on its own.)
awaiting: pain_kind
reply contains: Anything else
> no, nothing else
awaiting: pain_level
> 5
awaiting: trend
> about the same
entities.trend: same
awaiting: null
triage.level: caution
triage.reasons contains: pain-kind:sharp
triage.reasons lacks: swelling
