#!/usr/bin/env bash
# Browser tests use Debian's Chromium, never a browser downloaded by a test tool.
# Installs it when missing and we may (root with apt-get); otherwise says how, and fails.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装浏览器测试所需的 Chromium（apt-get install chromium）…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "浏览器测试需要 Chromium：请运行 sudo apt-get install chromium，或设置 CHROMIUM_PATH 指向已安装的 Chromium（Chromium not found）" >&2
exit 1
