#!/usr/bin/env bash
# Installs what Thrive needs from Debian's packages when it is missing, so a machine with only Python 3.11
# runs the README's two commands. Runs apt-get only as root; otherwise names the packages and fails.
#
# Usage: scripts/ensure-system-packages.sh [build|demo|test|prod|bench]   (default: test)
#   build, demo: Python's venv module, Node.js and npm (to build GOV.UK Frontend's CSS), Pango (the PDF report)
#   test:        and PostgreSQL, Chromium and libatomic (end-to-end tests), OpenSSL (the production server's
#                test certificate), Java 17 (the Spark linkage test)
#   prod, bench: and PostgreSQL, OpenSSL
set -euo pipefail
profile=${1:-test}
need=()
want() { need+=("$@"); }

case "$profile" in
  build|demo|test|prod|bench) ;;
  *) echo "Unknown profile $profile: build, demo, test, prod or bench" >&2; exit 2 ;;
esac

python=${PYTHON:-$(command -v python3.11 || command -v python3 || true)}
if [ -n "$python" ] && ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  want python3-venv  # Debian's Python keeps the venv module's pip in its own package
fi
command -v node >/dev/null 2>&1 || want nodejs
command -v npm >/dev/null 2>&1 || want npm
ls /usr/lib/*/libpangoft2-1.0.so.0 >/dev/null 2>&1 || want libpango-1.0-0 libpangoft2-1.0-0
if [ "$profile" = test ] || [ "$profile" = prod ] || [ "$profile" = bench ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want postgresql
  command -v openssl >/dev/null 2>&1 || want openssl
fi
if [ "$profile" = test ]; then
  [ -x /usr/bin/chromium ] || want chromium
  # Playwright's own Node.js driver (inside the Python package) needs libatomic, which Chromium does not bring.
  ls /usr/lib/*/libatomic.so.1 >/dev/null 2>&1 || want libatomic1
  command -v java >/dev/null 2>&1 || want openjdk-17-jre-headless  # PySpark's JVM (sharing/tests/test_region_spark.py)
fi

[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Thrive needs these Debian packages: ${need[*]}." >&2
  echo "Install them as root (sudo apt-get install --no-install-recommends ${need[*]}) and run again." >&2
  exit 1
fi
echo "Installing from Debian's packages: ${need[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "Installed: ${need[*]}."
