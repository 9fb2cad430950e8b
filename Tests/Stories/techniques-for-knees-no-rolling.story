# Technique advice for the knees: hands around the joint only, no ball or roller on the knee
> how should I massage my knees?
plugin: techniques
intent: technique.for_area
entities.body_parts: ["knees"]
awaiting: null
reply contains: Stroking
reply lacks: Tennis ball:
reply lacks: Foam roller:
reply lacks: Drumming:
