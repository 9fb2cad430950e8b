/// Rubdown's version, written in this one place: `rubdown --version` prints it, and the man page
/// (swift-argument-parser's generate-manual plugin, `scripts/install.sh`) takes it from there.
let version = "0.1.0"
