# Knee pain that started two weeks ago is a red flag the moment the runner says so: the distance question is never asked
> my knees hurt
plugin: triage
entities.body_parts: ["knees"]
awaiting: swelling
> no
awaiting: spread
> all around the knee
awaiting: pain_kind
> dull ache
awaiting: pain_level
> 4
awaiting: when
> about two weeks ago
entities.days_ago: 14
plugin: triage
awaiting: trend
> no better really
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:persistent
reply lacks: How far did you run
reply lacks: 1.
