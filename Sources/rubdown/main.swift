// The thin executable: parses the command line and wires content, plugins and the terminal together.
import RubdownKit

// A file over `ulimit -f` (the output, the journal, a plan) is an error Rubdown reports (exit 74
// or a warning), not a SIGXFSZ that kills it and leaves a partial file behind.
PrivateFile.ignoreFileSizeSignal()
RubdownCommand.main()
