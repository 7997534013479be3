#!/usr/bin/env bash
# CI for `byline serve` beyond `swift test`: schemathesis against the server's OpenAPI document
# over the dev store, and the browser tests in headless Chromium. Installs what they need when
# it is missing: Debian's chromium, chromium-driver and fonts-nanum (Korean text), and
# schemathesis and selenium from PyPI. Screenshots land in Tests/Server/screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium chromium-driver fonts-nanum)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

python=(/usr/bin/env PATH=/usr/local/bin:/usr/bin:/bin:$HOME/.local/bin python3)
if ! "${python[@]}" -c 'import schemathesis, selenium' 2>/dev/null; then
    echo "installing: schemathesis selenium (PyPI)"
    "${python[@]}" -m pip install -q --break-system-packages schemathesis selenium 2>/dev/null \
        || "${python[@]}" -m pip install -q schemathesis selenium
fi
# schemathesis's command sits beside the python that installed it.
export PATH="$("${python[@]}" -c 'import sys, os; print(os.path.dirname(sys.executable))'):$PATH:$HOME/.local/bin"

# The debug build `swift test` made holds everything but the executable's link (with the traits
# .ci/run tests with, so nothing is compiled again).
swift build --product byline --traits PostgreSQL
binary=.build/debug/byline

"${python[@]}" Tests/Server/api_schema.py --binary "$binary"
"${python[@]}" Tests/Server/browser.py --binary "$binary"
