# The clot warning only comes out when the runner says "yes" to the swelling question about their calves; the
# chest is checked first (breathlessness or chest pain would make it an emergency), and that question already
# says not to massage
> my calves hurt after a 10k yesterday
plugin: triage
entities.body_parts: ["calves"]
entities.red_flags: []
awaiting: swelling
> yes
plugin: triage
entities.answer: yes
awaiting: pain_kind
reply contains: don't massage
reply contains: chest pain
> no
plugin: triage
awaiting: null
triage.level: seek-care
triage.body_parts contains: calves
triage.reasons contains: red-flag:clot
reply contains: don't massage
reply lacks: What kind of pain
reply lacks: 1.
> can you explain the tennis ball technique for my calves
plugin: techniques
reply contains: don't massage
reply lacks: 1.
