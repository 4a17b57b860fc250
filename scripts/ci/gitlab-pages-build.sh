#!/usr/bin/env bash
# GitLab `pages` job: builds the site for the address GitLab Pages serves it at, into dist/ (published by pages.publish).
# CI_PAGES_URL is e.g. https://group.gitlab.io/project (a sub-path) or https://pages.example.gov.cn (a domain root):
# SITE_URL is its origin, BASE_PATH its path with a trailing slash. Without CI_PAGES_URL (a local run of the job with
# gitlab-ci-local, which does not set it) the site is built with the defaults of astro.config.mjs, and says so.
set -euo pipefail
pages_url="${CI_PAGES_URL:-}"
if [ -z "$pages_url" ]; then
  echo "没有 CI_PAGES_URL（不是在 GitLab 上运行）：按默认网址构建（CI_PAGES_URL not set, building with defaults）"
else
  SITE_URL="$(printf '%s' "$pages_url" | sed -E 's#^([A-Za-z][A-Za-z0-9+.-]*://[^/]+).*#\1#')"
  path="${pages_url#"$SITE_URL"}"
  BASE_PATH="${path%/}/"
  export SITE_URL BASE_PATH
  echo "网站地址：SITE_URL=$SITE_URL BASE_PATH=$BASE_PATH"
fi
npm run build
