#!/usr/bin/env bash
# test/ci.test.ts runs the GitLab jobs locally with gitlab-ci-local, which copies the project with Debian's rsync.
# Installs it when missing and we may (root with apt-get); otherwise says how, and fails.
set -euo pipefail
command -v rsync >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装检查 CI 配置所需的 rsync（apt-get install rsync）…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rsync >/dev/null
  exit 0
fi
echo "检查 .gitlab-ci.yml 需要 rsync：请运行 sudo apt-get install rsync（rsync not found）" >&2
exit 1
