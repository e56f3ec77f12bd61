#!/usr/bin/env bash
# Installs what kgraph needs to build and to be checked against real consumers:
# libxml2 (build), xmllint, Graphviz, and Python's networkx and igraph (tests).
# Safe to run again: installs only what is missing. Needs root (or sudo) for apt.
set -euo pipefail

need_apt=()
pkg-config --exists libxml-2.0 2>/dev/null || need_apt+=(libxml2-dev pkg-config)
command -v xmllint >/dev/null || need_apt+=(libxml2-utils)
command -v dot >/dev/null || need_apt+=(graphviz)
command -v python3 >/dev/null || need_apt+=(python3 python3-pip)

if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "setup: installing ${need_apt[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! python3 -c 'import networkx, igraph' 2>/dev/null; then
  echo "setup: installing networkx and python-igraph (pip)" >&2
  python3 -m pip install -q networkx python-igraph 2>/dev/null \
    || python3 -m pip install -q --break-system-packages networkx python-igraph
fi
