# Some swelling in an ankle (not a calf) is a caution outcome, not a red flag
> my ankles hurt after a 10k yesterday
plugin: triage
entities.body_parts: ["ankles"]
awaiting: swelling
> yes, it's a bit puffy
entities.red_flags: []
awaiting: spread
> all around it
awaiting: pain_kind
> it's tight
entities.pain_kind: tight
awaiting: pain_level
> 3
entities.pain_level: 3
awaiting: trend
> about the same
awaiting: null
triage.level: caution
triage.body_parts: ["ankles"]
triage.reasons contains: swelling
reply contains: no hot baths
reply lacks: Tennis ball:
