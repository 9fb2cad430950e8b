// The thin executable: parses the command line and wires content, plugins and the terminal together.
RubdownCommand.main()
