#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the browser test (Playwright drives it through
# playwright-core; no browser is ever downloaded by Playwright). As root it is installed with apt-get when
# missing; otherwise the script says what to install and fails.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
log() { echo "ui: $*" >&2; }

if [[ -x "$CHROMIUM" ]]; then exit 0; fi
if [[ "$(id -u)" != 0 ]]; then
	log "Chromium is missing: install Debian's package as root (apt-get install -y chromium), then run again"
	exit 1
fi
log "installing Debian's chromium with apt-get (first run only)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
if [[ ! -x "$CHROMIUM" ]]; then
	log "apt-get finished but $CHROMIUM is not there"
	exit 1
fi
