# A pain level given as a word ("four"), after a pain kind that also carries a number
> my calves hurt
awaiting: swelling
> not really
entities.answer: no
awaiting: pain_kind
> dull
entities.pain_kind: dull
awaiting: pain_level
> four
plugin: triage
entities.pain_level: 4
awaiting: when
reply lacks: For example
