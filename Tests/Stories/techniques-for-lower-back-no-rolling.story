# Technique advice for the lower back: no ball or roller straight on the spine
> which technique is best for my lower back after a long run?
plugin: techniques
intent: technique.for_area
entities.body_parts: ["back"]
reply contains: Stroking
reply lacks: Tennis ball:
reply lacks: Foam roller:
