#!/usr/bin/env bash
# Build the Linux one-folder bundle and run its self-test headless.
#   bash packaging/build_linux.sh   (needs: pip install -e '.[package]')
set -euo pipefail
cd "$(dirname "$0")/.."

python packaging/windows/make_version_info.py
pyinstaller --noconfirm --clean --log-level WARN \
  --distpath build/dist --workpath build/work packaging/rondplan.spec

bundle=build/dist/Rondplan
echo "Bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
QT_QPA_PLATFORM=offscreen "$bundle/rondplan" --self-test
