#!/bin/sh
# setup.sh — installs the Debian 12 packages listed in tools/deps.txt (only
# those missing), as root or through sudo. Safe to run again.
set -e
cd "$(dirname "$0")/.."
pkgs=$(grep -v '^#' tools/deps.txt | awk 'NF {print $1}')
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "setup: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
