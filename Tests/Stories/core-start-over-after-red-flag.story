# "start over" forgets everything, including an earlier red flag, so a new complaint is asked about afresh
> my left calf is swollen and red
triage.level: seek-care
triage.reasons contains: red-flag:clot
> start over
plugin: core
intent: core.restart
awaiting: null
> my hamstrings hurt after a 10k yesterday
plugin: triage
entities.body_parts: ["hamstrings"]
awaiting: swelling
triage: null
