#!/usr/bin/env bash
# Tests use programs from Debian's packages, never ones a test tool downloads: Chromium for the browser tests
# (CHROMIUM_PATH may name another Chrome) and rsync, with which gitlab-ci-local copies the project (test/ci.test.ts).
# Installs what is missing when we may (root with apt-get); otherwise says how, and fails.
set -euo pipefail
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
[ "${#missing[@]}" = 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装测试所需的 ${missing[*]}（apt-get install ${missing[*]}）…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "测试需要 ${missing[*]}：请运行 sudo apt-get install ${missing[*]}；浏览器也可设置 CHROMIUM_PATH 指向已安装的 Chromium（${missing[*]} not found）" >&2
exit 1
