# Severe pain with a swollen, rock-hard shin: possible compartment syndrome, an emergency
> severe pain in my shin and it's swollen and rock hard
plugin: triage
entities.body_parts contains: shins
entities.red_flags contains: compartment
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:compartment
reply contains: emergency
reply lacks: 1.
