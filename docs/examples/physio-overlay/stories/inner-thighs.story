# A physio's new area and technique, added without Swift, answered by the generic plugin
> how do I massage my inner thighs
plugin: answers
intent: answers.inner_thighs
entities.body_parts: ["adductors"]
reply contains: Massage stick
reply contains: 30 seconds
> how do I massage my feet after a trail run
plugin: answers
reply contains: Tennis ball
> there's a lump in my groin after the run
plugin: triage
entities.red_flags: ["groin-lump"]
triage.level: seek-care
> how do I massage my inner thighs
reply lacks: Massage stick
