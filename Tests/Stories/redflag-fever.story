# A sore knee with a fever could be an infection: no massage, get advice today
> my knee is sore and I have a fever
plugin: triage
entities.body_parts: ["knees"]
entities.red_flags contains: infection
awaiting: null
triage.level: seek-care
triage.reasons contains: red-flag:infection
reply contains: today
reply lacks: 1.
