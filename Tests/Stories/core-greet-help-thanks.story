# Greeting, asking what the coach can do, and thanks are handled by the core plugin
> hi
plugin: core
intent: core.greet
awaiting: null
triage: null
> what can you do?
plugin: core
intent: core.help
reply contains: start over
> thanks
plugin: core
intent: core.thanks
awaiting: null
