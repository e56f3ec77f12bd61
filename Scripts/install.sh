#!/usr/bin/env bash
# Installs kgraph: a release build, its resource bundle, shell completions and man pages.
#
#   Scripts/install.sh                # into /usr/local
#   Scripts/install.sh ~/.local       # into your home (no root needed)
#   SCRATCH_PATH=.build-release Scripts/install.sh /opt/kgraph
#
# What goes where (PREFIX defaults to /usr/local):
#   PREFIX/lib/kgraph/kgraph                              the executable
#   PREFIX/lib/kgraph/kgraph_KGraphExtract.resources/     its lexicon and relation patterns
#   PREFIX/bin/kgraph -> ../lib/kgraph/kgraph             on your PATH
#   PREFIX/share/bash-completion/completions/kgraph       bash completion
#   PREFIX/share/zsh/site-functions/_kgraph               zsh completion
#   PREFIX/share/fish/vendor_completions.d/kgraph.fish    fish completion
#   PREFIX/share/man/man1/kgraph.1, kgraph.build.1, …     man pages (`man kgraph`, `man kgraph.build`)
#
# Why lib/kgraph: SwiftPM's generated `Bundle.module` looks for the resource bundle
# beside the executable (Bundle.main, which follows the bin/ symlink to the real file)
# and otherwise in the build folder, which a user's machine does not have. Keeping the
# two together in lib/kgraph keeps bin/ free of folders.
#
# Completions come from `kgraph --generate-completion-script <shell>` and man pages from
# swift-argument-parser's `generate-manual` plugin; both are generated from the same
# command definitions as `--help`, so they never drift. Nothing here needs the network
# once the package's dependencies are resolved.
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIX=${1:-/usr/local}
SCRATCH=${SCRATCH_PATH:-.build}
say() { printf 'install.sh: %s\n' "$*" >&2; }

say "building kgraph (release) in $SCRATCH"
swift build -c release --product kgraph --scratch-path "$SCRATCH"
BIN=$(swift build -c release --product kgraph --scratch-path "$SCRATCH" --show-bin-path)

LIB="$PREFIX/lib/kgraph"
say "installing into $PREFIX"
mkdir -p "$LIB" "$PREFIX/bin"
install -m 755 "$BIN/kgraph" "$LIB/kgraph.new"
mv -f "$LIB/kgraph.new" "$LIB/kgraph"
found_bundle=no
for bundle in "$BIN"/kgraph_*.resources "$BIN"/kgraph_*.bundle; do
    [ -e "$bundle" ] || continue
    rm -rf "$LIB/$(basename "$bundle")"
    cp -R "$bundle" "$LIB/"
    found_bundle=yes
done
[ "$found_bundle" = yes ] || { say "error: no resource bundle beside $BIN/kgraph"; exit 1; }
ln -sfn ../lib/kgraph/kgraph "$PREFIX/bin/kgraph"

KGRAPH="$LIB/kgraph"
mkdir -p "$PREFIX/share/bash-completion/completions" "$PREFIX/share/zsh/site-functions" \
    "$PREFIX/share/fish/vendor_completions.d"
"$KGRAPH" --generate-completion-script bash > "$PREFIX/share/bash-completion/completions/kgraph"
"$KGRAPH" --generate-completion-script zsh > "$PREFIX/share/zsh/site-functions/_kgraph"
"$KGRAPH" --generate-completion-script fish > "$PREFIX/share/fish/vendor_completions.d/kgraph.fish"

MAN="$PREFIX/share/man/man1"
mkdir -p "$MAN"
say "generating man pages (swift-argument-parser's generate-manual plugin)"
PLUGIN_OUT="$SCRATCH/plugins/GenerateManual/outputs/kgraph"
rm -rf "$PLUGIN_OUT"
if swift package --scratch-path "$SCRATCH" plugin generate-manual --multi-page >&2 \
    && ls "$PLUGIN_OUT"/*.1 > /dev/null 2>&1; then
    cp "$PLUGIN_OUT"/*.1 "$MAN/"
else
    say "warning: the generate-manual plugin failed; no man page installed (kgraph --help has the same text)"
fi

# The installed copy must find its resources from anywhere, without the build folder.
( cd / && "$PREFIX/bin/kgraph" --version > /dev/null \
    && printf 'Kim Jong Un met Vladimir Putin in Moscow.\n' > "${TMPDIR:-/tmp}/kgraph-install-check.txt" \
    && "$PREFIX/bin/kgraph" extract "${TMPDIR:-/tmp}/kgraph-install-check.txt" | grep -q '"person:kim-jong-un"' ) \
    || { say "error: the installed kgraph does not work"; exit 1; }
rm -f "${TMPDIR:-/tmp}/kgraph-install-check.txt"

say "installed $("$PREFIX/bin/kgraph" --version) as $PREFIX/bin/kgraph"
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) say "add $PREFIX/bin to your PATH" ;; esac
say "man pages: $MAN (add $PREFIX/share/man to MANPATH if man kgraph does not find them)"
