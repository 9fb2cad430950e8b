#!/usr/bin/env bash
# Builds Rubdown in release mode and installs it under PREFIX (default /usr/local):
#
#   $PREFIX/bin/rubdown
#   $PREFIX/share/man/man1/rubdown.1                      the man page (swift-argument-parser's generate-manual plugin)
#   $PREFIX/share/bash-completion/completions/rubdown     Tab completion for bash,
#   $PREFIX/share/zsh/site-functions/_rubdown             zsh
#   $PREFIX/share/fish/vendor_completions.d/rubdown.fish  and fish
#
# Usage:
#   PREFIX=~/.local scripts/install.sh      for yourself, no root needed
#   sudo env PATH="$PATH" scripts/install.sh  for everyone, under /usr/local
# DESTDIR, when set, is put in front of every installed path (for packaging).
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${PREFIX:-/usr/local}"
root="${DESTDIR:-}$prefix"

echo "Building rubdown (release)..."
swift build -c release --product rubdown
binary="$(swift build -c release --show-bin-path)/rubdown"

# The plugin builds the package in release mode (already done above), runs
# `rubdown --experimental-dump-help` and writes the page into its work folder.
echo "Generating the man page..."
manual=".build/plugins/GenerateManual/outputs/rubdown/rubdown.1"
rm -f "$manual"
swift package plugin generate-manual >/dev/null
if [ ! -f "$manual" ]; then
  echo "install.sh: error: the generate-manual plugin wrote no $manual" >&2
  exit 1
fi

completions="$(mktemp -d)"
trap 'rm -rf "$completions"' EXIT
for shell in bash zsh fish; do
  "$binary" --generate-completion-script "$shell" >"$completions/$shell"
done

install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 755 "$binary" "$root/bin/rubdown"
install -m 644 "$manual" "$root/share/man/man1/rubdown.1"
install -m 644 "$completions/bash" "$root/share/bash-completion/completions/rubdown"
install -m 644 "$completions/zsh" "$root/share/zsh/site-functions/_rubdown"
install -m 644 "$completions/fish" "$root/share/fish/vendor_completions.d/rubdown.fish"

echo "Installed rubdown $("$binary" --version) under $root:"
echo "  bin/rubdown, share/man/man1/rubdown.1, and completions for bash, zsh and fish."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Note: $prefix/bin is not on your PATH; add it to use 'rubdown' from anywhere." ;;
esac
