# A post-run routine after a marathon suggests the foam roller, not the tennis ball
> give me a post-run routine after my marathon
plugin: techniques
intent: technique.routine
entities.distance_km: 42.2
reply contains: Foam roller
reply lacks: Tennis ball:
