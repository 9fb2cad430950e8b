# Pins and needles only mentioned in the answer about the kind of pain in the hamstrings
> my hamstrings hurt after a 10k
plugin: triage
entities.body_parts: ["hamstrings"]
awaiting: swelling
> no
awaiting: pain_kind
> burning, with pins and needles down my leg
plugin: triage
entities.red_flags contains: nerve
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:nerve
reply lacks: How bad is it
reply lacks: 1.
