# Lower back pain with numbness around the groin: emergency
> my lower back hurts and I have numbness around my groin
plugin: triage
entities.body_parts: ["back","hips"]
entities.red_flags contains: cauda-equina
awaiting: null
triage.level: seek-care
triage.body_parts contains: back
triage.reasons contains: red-flag:cauda-equina
reply contains: emergency
reply lacks: 1.
