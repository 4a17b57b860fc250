/**
 * Throwaway git repositories for the ledger's tests: a temporary folder with `data/` at its top, commits of quarter
 * folders with fixed dates. Every git command gets its identity here and ignores the global and system
 * configuration, so the tests do not depend on the machine's git setup.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './fixtures.ts';

const ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: '测试', GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: '测试', GIT_COMMITTER_EMAIL: 'test@example.invalid',
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
  const git = (...args: string[]) => execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: root, env: ENV, encoding: 'utf8' }).trim();
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
    root, data: join(root, 'data'), write, git,
    commit(date, files = {}, message = `commit of ${date}`) {
      write(files);
      git('add', '-A');
      const when = `${date}T10:00:00+08:00`;
      execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message], { cwd: root, env: { ...ENV, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } });
      return git('rev-parse', 'HEAD');
    },
  };
}
