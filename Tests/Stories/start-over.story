# "start over" mid-way clears the conversation; the next complaint starts fresh questions
> my calves hurt after a 10k
plugin: triage
awaiting: swelling
> no
awaiting: pain_kind
> start over
plugin: core
intent: core.restart
awaiting: null
triage: null
> my feet hurt
plugin: triage
entities.body_parts: ["feet"]
awaiting: swelling
> no
awaiting: spread
> all over
awaiting: pain_kind
> dull ache
awaiting: pain_level
> 2
awaiting: when
