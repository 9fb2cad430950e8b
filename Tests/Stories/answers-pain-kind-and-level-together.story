# One answer that carries two facts fills both: "burning, about a 6" gives the kind and the level
> my calves hurt
awaiting: swelling
> not really
entities.answer: no
awaiting: pain_kind
> burning, about a 6
entities.pain_kind: burning
entities.pain_level: 6
awaiting: when
reply lacks: How bad is it
