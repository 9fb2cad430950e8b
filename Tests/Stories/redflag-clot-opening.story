# A swollen, warm calf in the opening line: no questions, no massage, see a doctor today; later technique requests get a reminder
> my left calf is swollen and warm after my run
plugin: triage
entities.body_parts: ["calves"]
entities.red_flags: ["clot"]
awaiting: null
triage.level: seek-care
triage.body_parts contains: calves
triage.reasons contains: red-flag:clot
reply contains: don't massage
reply contains: today
reply lacks: 1.
> how should I massage my calves?
plugin: techniques
awaiting: null
reply contains: don't massage
reply lacks: 1.
reply lacks: Stroking:
