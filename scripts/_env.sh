# Sourced by scripts/site and scripts/test: makes the project's virtualenv (.venv) and installs
# the project into it when pyproject.toml changed. Usage: source scripts/_env.sh [extras]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${EDITION_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"
extras="${1:-}"

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: Python 3.11 or newer is needed as '$PYTHON' (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> creating virtualenv $VENV"
  "$PYTHON" -m venv "$VENV"
fi
hash="$(sha256sum pyproject.toml | cut -c1-16)"
stamp="$VENV/.installed-$hash${extras:+-$extras}"
# Without extras, an install of this pyproject.toml with any extras will do.
if [ -z "$extras" ] && compgen -G "$VENV/.installed-$hash*" >/dev/null; then
  stamp="$(compgen -G "$VENV/.installed-$hash*" | head -n 1)"
fi
if [ ! -f "$stamp" ]; then
  echo "==> installing the project${extras:+ with [$extras]} into $VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}"
  # Stamps of an older pyproject.toml are stale; the other extras' stamp of this one still holds.
  find "$VENV" -maxdepth 1 -name '.installed-*' ! -name ".installed-$hash*" -delete
  touch "$stamp"
fi
# The package's modules compiled, as an install from a wheel has them: an editable install leaves
# that to the first import, which writes nothing where PYTHONDONTWRITEBYTECODE is set, so that
# every build compiled them again (a tenth of a second). Only what changed is compiled again.
"$VENV/bin/python" -m compileall -q plugins/edition >/dev/null
export PATH="$VENV/bin:$PATH"
export NO_MKDOCS_2_WARNING=1  # Material's end-of-life banner; see ../README.md "Platform"
