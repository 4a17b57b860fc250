/**
 * Throwaway git repositories for the ledger's tests: a temporary folder with `data/` at its top, commits of quarter
 * folders with fixed dates. Every git command gets its identity here and ignores the global and system
 * configuration, so the tests do not depend on the machine's git setup.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './fixtures.ts';

const ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: '测试',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: '测试',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};

export interface Repo {
  /** The repository's top folder. */
  root: string;
  /** Its `data/` folder. */
  data: string;
  /** Writes files (path below the repository → content; null deletes) without committing. */
  write(files: Record<string, string | null>): void;
  /** Writes files and commits everything, dated `date` (YYYY-MM-DD); returns the commit hash. */
  commit(date: string, files?: Record<string, string | null>, message?: string): string;
  git(...args: string[]): string;
}

export function gitRepo(root = tempDir('ledger-repo-')): Repo {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
      cwd: root,
      env: ENV,
      encoding: 'utf8',
    }).trim();
  git('init', '-q');
  const write = (files: Record<string, string | null>) => {
    for (const [path, content] of Object.entries(files)) {
      const full = join(root, path);
      if (content === null) {
        rmSync(full, { force: true });
      } else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
  };
  return {
    root,
    data: join(root, 'data'),
    write,
    git,
    commit(date, files = {}, message = `commit of ${date}`) {
      write(files);
      git('add', '-A');
      const when = `${date}T10:00:00+08:00`;
      execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message], {
        cwd: root,
        env: { ...ENV, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
      });
      return git('rev-parse', 'HEAD');
    },
  };
}

const HISTORY = 'test/fixtures/history';

/** A quarter of test/fixtures/history as files to commit, some replaced. */
export const historyQuarter = (id: string, over: Record<string, string> = {}) =>
  Object.fromEntries(
    ['bulletin.mdx', 'websites.csv', 'new-media.csv'].map((n) => [
      `data/${id}/${n}`,
      over[n] ?? readFileSync(join(HISTORY, id, n), 'utf8'),
    ]),
  );

/**
 * The four invented quarters of test/fixtures/history, committed one by one as staff would, then 2021-Q4 corrected
 * (虚构市教育局网站 扣分 3 → 2.5, 总分 97 → 97.5) with its corrections entry. `v1`, `v2`: 2021-Q4's two commits.
 */
export function correctedHistoryRepo(): Repo & { v1: string; v2: string } {
  const repo = gitRepo();
  repo.commit('2021-04-20', historyQuarter('2021-Q1'));
  repo.commit('2021-07-20', historyQuarter('2021-Q2'));
  repo.commit('2021-10-20', historyQuarter('2021-Q3'));
  const v1 = repo.commit('2022-01-20', historyQuarter('2021-Q4'));
  const q4 = readFileSync(join(HISTORY, '2021-Q4', 'bulletin.mdx'), 'utf8');
  const v2 = repo.commit(
    '2022-02-10',
    historyQuarter('2021-Q4', {
      'websites.csv': readFileSync(join(HISTORY, '2021-Q4', 'websites.csv'), 'utf8').replace(
        '文件解读不规范,0,3,97',
        '文件解读不规范,0,2.5,97.5',
      ),
      'bulletin.mdx': q4.replace(
        'disclosure: 主动公开\n',
        'disclosure: 主动公开\ncorrections:\n  - date: 2022-02-10\n    note: 附件1第4行扣分由 3 更正为 2.5（虚构）\n',
      ),
    }),
  );
  return { ...repo, v1, v2 };
}
