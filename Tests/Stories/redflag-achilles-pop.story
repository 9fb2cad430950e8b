# A pop at the back of the ankle: possible Achilles tear, seen today, no massage
> I felt a pop at the back of my ankle during my run
plugin: triage
entities.body_parts contains: achilles
entities.red_flags contains: achilles-rupture
awaiting: null
triage.level: seek-care
triage.body_parts contains: achilles
triage.reasons contains: red-flag:achilles-rupture
reply contains: today
reply lacks: 1.
> how do I massage my achilles?
plugin: techniques
reply contains: don't massage
reply lacks: 1.
