# A guided routine after a red flag leaves the flagged calves out, and the plan says to see someone first
> my calf is swollen and warm
triage.level: seek-care
> start a calf routine
reply lacks: Step 1
reply contains: don't massage
> summary
plugin: core
reply contains: See a professional first
reply contains: No massage for your calves
