# Leg pain with breathlessness is an emergency: call for help now, no massage
> my calf hurts and I am short of breath
plugin: triage
entities.body_parts: ["calves"]
entities.red_flags contains: chest
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:chest
reply contains: emergency
reply contains: don't massage
reply lacks: 1.
