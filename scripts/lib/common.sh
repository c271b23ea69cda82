# Shared helpers for scripts/run.sh and scripts/test.sh. Sourced, not executed.

# Messages go to stderr so that a script's last stdout line stays its result.
log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }

have() { command -v "$1" >/dev/null 2>&1; }

# Runs a command as root: directly when we are root, through sudo when it works without a prompt.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif have sudo && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        return 1
    fi
}

# apt-get install, refreshing the package lists once per script run (a fresh image has none).
APT_UPDATED=0
apt_install() {
    have apt-get || { warn "apt-get not available; cannot install $*"; return 1; }
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        as_root apt-get update -qq >&2 || { warn "apt-get update failed (not root, or no mirror)"; return 1; }
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Installs the web app's npm packages when it has a package.json and they are missing or stale.
ensure_web_packages() {
    local web="$1"
    [ -f "$web/package.json" ] || return 0
    if ! have npm; then
        apt_install nodejs npm || { warn "npm is missing and could not be installed"; return 1; }
    fi
    # npm writes node_modules/.package-lock.json on install: older than package(-lock).json means stale.
    local marker="$web/node_modules/.package-lock.json"
    if [ -f "$marker" ] && [ ! "$web/package.json" -nt "$marker" ] \
        && { [ ! -f "$web/package-lock.json" ] || [ ! "$web/package-lock.json" -nt "$marker" ]; }; then
        return 0
    fi
    # --ignore-scripts: swagger-ui-dist pulls in @scarf/scarf, whose install script reports to the internet.
    if [ -f "$web/package-lock.json" ]; then
        log "npm ci in $web"
        (cd "$web" && npm ci --no-audit --no-fund --ignore-scripts >&2)
    else
        log "npm install in $web"
        (cd "$web" && npm install --no-audit --no-fund --ignore-scripts >&2)
    fi
}
