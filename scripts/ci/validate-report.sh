#!/usr/bin/env bash
# CI step "校验数据": runs `npm run validate`, shows its report in the job log, keeps it in validate.txt
# (GitLab exposes that file on merge requests) and, on GitHub Actions, writes it to the run page's "Summary".
# Exits with validate's own code, so a failed validation stops the pipeline before anything is built or published.
set -uo pipefail
report="${VALIDATE_REPORT:-validate.txt}"
npm run --silent validate > "$report" 2>&1
code=$?
cat "$report"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    echo "## 数据校验报告"
    echo
    if [ "$code" = 0 ]; then
      echo "✅ 校验通过（退出码 0）"
    else
      echo "❌ 校验未通过（退出码 $code）：网站没有更新。请按下面的提示修改数据，再提交推送。"
    fi
    echo
    echo '```'
    cat "$report"
    echo '```'
  } >> "$GITHUB_STEP_SUMMARY"
fi
exit "$code"
