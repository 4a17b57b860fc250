/**
 * The ledger on repositories made here (test/support/git-repo.ts): publication, versions, the gate against silent
 * changes, renames through data/aliases.csv, and the cases without a usable history. Invented data only.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/node/load.ts';
import { BULLETIN, NEW_MEDIA, WEBSITES, tempDir } from './support/fixtures.ts';
import { gitRepo } from './support/git-repo.ts';

const Q = 'data/2021-Q1';
const files = (over: { bulletin?: string; websites?: string; newMedia?: string } = {}) => ({
  [`${Q}/bulletin.mdx`]: over.bulletin ?? BULLETIN,
  [`${Q}/websites.csv`]: over.websites ?? WEBSITES,
  [`${Q}/new-media.csv`]: over.newMedia ?? NEW_MEDIA,
});
const DRAFT = BULLETIN.replace('disclosure: 主动公开\n', 'disclosure: 主动公开\ndraft: true\n');
/** Row 3 (虚构乙县政府网站) with 扣分 21 instead of 20.5. */
const CORRECTED = WEBSITES.replace('0,20.5,79.5', '0,21,79');
const withCorrections = (bulletin: string, ...entries: [string, string][]) =>
  bulletin.replace(
    '---\n\n',
    `corrections:\n${entries.map(([date, note]) => `  - date: ${date}\n    note: ${note}\n`).join('')}---\n\n`,
  );

const validate = (dir: string) => {
  const r = spawnSync(process.execPath, ['scripts/validate.ts', dir], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: '' },
  });
  return { code: r.status, out: r.stdout + r.stderr };
};
const versions = (dir: string, id = '2021-Q1') => loadData(dir).ledger?.get(id)?.versions ?? [];

describe('the ledger: versions read from git', () => {
  it('publishes a quarter from the first commit in which it is public; a draft is edited freely before that', () => {
    const repo = gitRepo();
    repo.commit('2021-04-01', files({ bulletin: DRAFT }));
    repo.commit('2021-04-05', files({ bulletin: DRAFT, websites: CORRECTED }));
    expect(versions(repo.data)).toEqual([]);
    expect(validate(repo.data).code).toBe(0);
    const published = repo.commit('2021-04-20', files({ websites: CORRECTED }));
    repo.commit(
      '2021-04-21',
      files({
        websites: CORRECTED,
        bulletin: BULLETIN.replace('## 一、总体情况', '## 一、总体情况（正文改动）'),
      }),
    );
    const list = versions(repo.data);
    expect(list.map((v) => [v.number, v.commit, v.date])).toEqual([[1, published, '2021-04-20']]);
    expect(list[0]!.quarter.tables.websites!.records[1]!.deduction).toBe(21);
    expect(validate(repo.data).code).toBe(0);
  });

  it('frontmatter-only commits after publication (acknowledged:, metadata) are not versions', () => {
    const repo = gitRepo();
    const v1 = repo.commit('2021-04-20', files());
    repo.commit(
      '2021-04-22',
      files({ bulletin: BULLETIN.replace('websitesTotal: 3', 'websitesTotal: 5\npublished: 2021-04-22') }),
    );
    // A table re-saved with the same values (CRLF, a BOM, spaces) is not a version either.
    repo.commit(
      '2021-04-23',
      files({
        websites: `\ufeff${WEBSITES.replace(/\n/g, '\r\n').replace('虚构丙局网站', ' 虚构丙局网站 ')}`,
      }),
    );
    expect(versions(repo.data).map((v) => v.commit)).toEqual([v1]);
  });

  it('refuses a committed change to a published table without a corrections entry, naming the cell, the version and the entry to add', () => {
    const repo = gitRepo();
    const v1 = repo.commit('2021-04-20', files());
    const change = repo.commit('2021-05-10', files({ websites: CORRECTED }));
    const { code, out } = validate(repo.data);
    expect(code).toBe(1);
    expect(out).toContain(
      `${repo.data}/2021-Q1/websites.csv:3: 错误：扣分 “20.5” → “21”：2021-Q1 已于 2021-04-20 发布，提交 ${change.slice(0, 7)}（2021-05-10）中的表格与 v1（2021-04-20，提交 ${v1.slice(0, 7)}）不同，但 bulletin.mdx 没有新的更正记录`,
    );
    expect(out).toContain(
      '共 2 处改动：websites.csv:3: 扣分 “20.5” → “21”；websites.csv:3: 总分 “79.5” → “79”',
    );
    expect(out).toMatch(
      /\ncorrections:\n {2}- date: \d{4}-\d\d-\d\d\n {4}note: 附件1第3行（虚构乙县政府网站）扣分由 20\.5 更正为 21，总分由 79\.5 更正为 79\n/,
    );
    expect(out).toContain('1 个错误');
  });

  it('accepts the change once bulletin.mdx has a new entry, in the same commit or a later one; the entry explains v2', () => {
    const repo = gitRepo();
    repo.commit('2021-04-20', files());
    const v2 = repo.commit('2021-05-10', files({ websites: CORRECTED }));
    expect(validate(repo.data).code).toBe(1);
    repo.commit(
      '2021-05-11',
      files({
        websites: CORRECTED,
        bulletin: withCorrections(BULLETIN, ['2021-05-10', '附件1第3行扣分由 20.5 更正为 21']),
      }),
    );
    expect(validate(repo.data).code).toBe(0);
    const list = versions(repo.data);
    expect(list.map((v) => [v.number, v.commit, v.correction])).toEqual([
      [1, expect.any(String), undefined],
      [2, v2, 0],
    ]);
    expect(list[1]!.changes).toEqual([
      {
        kind: 'websites',
        file: 'websites.csv',
        annex: 1,
        added: [],
        removed: [],
        reordered: false,
        changed: [
          {
            key: 'name:虚构乙县政府网站',
            name: '虚构乙县政府网站',
            line: 3,
            cells: [
              { column: '扣分', from: '20.5', to: '21' },
              { column: '总分', from: '79.5', to: '79' },
            ],
          },
        ],
      },
    ]);
    // The v1 the site keeps is the first version's data.
    expect(list[0]!.quarter.tables.websites!.records[1]!.deduction).toBe(20.5);
    expect(list[1]!.quarter.tables.websites!.records[1]!.deduction).toBe(21);
  });

  it('counts uncommitted changes as a pending version: refused without an entry, a notice with one', () => {
    const repo = gitRepo();
    repo.commit('2021-04-20', files());
    repo.write(files({ websites: CORRECTED }));
    const refused = validate(repo.data);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      'websites.csv:3: 错误：扣分 “20.5” → “21”：2021-Q1 已于 2021-04-20 发布，未提交的改动中的表格与 v1',
    );
    repo.write(
      files({ websites: CORRECTED, bulletin: withCorrections(BULLETIN, ['2021-05-10', '扣分更正']) }),
    );
    const pending = validate(repo.data);
    expect(pending.code, pending.out).toBe(0);
    expect(pending.out).toContain(`${repo.data}/2021-Q1: 提示：表格与已发布的 v1（2021-04-20，提交`);
    expect(pending.out).toContain('提交后成为 v2');
    expect(versions(repo.data).map((v) => [v.number, v.commit])).toEqual([
      [1, expect.any(String)],
      [2, undefined],
    ]);
  });

  it('needs one entry per version: an entry already used by v2 does not explain v3; one written before publication explains nothing', () => {
    const repo = gitRepo();
    const early = withCorrections(BULLETIN, ['2021-04-19', '发布前的更正']);
    repo.commit('2021-04-20', files({ bulletin: early }));
    const once = withCorrections(BULLETIN, ['2021-04-19', '发布前的更正'], ['2021-05-10', '扣分更正']);
    repo.commit('2021-05-10', files({ bulletin: once, websites: CORRECTED }));
    expect(validate(repo.data).code).toBe(0);
    repo.commit(
      '2021-06-01',
      files({
        bulletin: once,
        websites: CORRECTED.replace(
          '虚构丙局网站,否,否,否,否,否,,0,0,100',
          '虚构丙局网站,否,否,否,否,否,,0,1,99',
        ),
      }),
    );
    const { code, out } = validate(repo.data);
    expect(code).toBe(1);
    expect(out).toContain('websites.csv:4: 错误：扣分 “0” → “1”');
    expect(out).toContain('与 v2（2021-05-10，提交');
    // The list exists: the entry goes at its end.
    expect(out).toContain('加到 corrections: 列表末尾');
    expect(out).not.toMatch(/\ncorrections:\n/);
  });

  it('names rows added and removed; a commit whose quarter had errors was never published and is no version', () => {
    const repo = gitRepo();
    repo.commit('2021-04-20', files());
    // Broken (总分 does not add up): CI would have refused it.
    repo.commit('2021-05-01', files({ websites: WEBSITES.replace('0,20.5,79.5', '0,21,79.5') }));
    const fewer = WEBSITES.replace(
      '3,虚构丙局网站,否,否,否,否,否,,0,0,100\n',
      '3,虚构丁局网站,否,否,否,否,否,,0,0,100\n',
    );
    repo.commit('2021-05-02', files({ websites: fewer }));
    const { code, out } = validate(repo.data);
    expect(code).toBe(1);
    expect(out).toContain('websites.csv:4: 错误：增加一行 “虚构丁局网站”');
    expect(out).toContain('websites.csv（v1 第 4 行）: 删除了一行 “虚构丙局网站”');
    expect(out).toContain('note: 附件1增加“虚构丁局网站”；附件1删除“虚构丙局网站”');
    // v2 differs from v1 by those rows only: the broken commit between them is no version.
    const list = versions(repo.data);
    expect(list.map((v) => v.number)).toEqual([1, 2]);
    expect(list[1]!.changes).toMatchObject([
      { changed: [], added: [{ name: '虚构丁局网站' }], removed: [{ name: '虚构丙局网站' }] },
    ]);
  });

  it('matches rows through data/aliases.csv: a rename is a changed name, not a row removed and another added; an alias alone is no version', () => {
    const repo = gitRepo();
    repo.commit('2021-04-20', files());
    // A later quarter renames the site; registering it changes no row of 2021-Q1.
    repo.commit('2021-07-20', {
      'data/aliases.csv': '类型,旧名称,现名称\n网站,虚构甲区政府网站,虚构甲区人民政府网站\n',
    });
    expect(versions(repo.data)).toHaveLength(1);
    // 2021-Q1 is then corrected to the new name (with its entry): the same row, one cell changed.
    const renamed = WEBSITES.replace('1,虚构甲区政府网站', '1,虚构甲区人民政府网站');
    repo.commit(
      '2021-07-21',
      files({ websites: renamed, bulletin: withCorrections(BULLETIN, ['2021-07-21', '网站名称更正']) }),
    );
    expect(validate(repo.data).code).toBe(0);
    const list = versions(repo.data);
    expect(list).toHaveLength(2);
    expect(list[1]!.changes[0]).toMatchObject({
      added: [],
      removed: [],
      changed: [
        {
          name: '虚构甲区人民政府网站',
          cells: [{ column: '网站名称', from: '虚构甲区政府网站', to: '虚构甲区人民政府网站' }],
        },
      ],
    });
    // Without the alias the same correction is a row removed and a row added.
    repo.commit('2021-07-22', { 'data/aliases.csv': null });
    expect(versions(repo.data)[1]!.changes[0]).toMatchObject({
      changed: [],
      added: [{ name: '虚构甲区人民政府网站' }],
      removed: [{ name: '虚构甲区政府网站' }],
    });
  });

  it('refuses a published quarter folder deleted or renamed, committed or not, and says how to restore it; an unpublished one may go', () => {
    const repo = gitRepo();
    // Other quarters, each with tables of its own (the same rows again would be refused as a copy).
    const other = (id: string, total: string) => ({
      [`data/${id}/bulletin.mdx`]: BULLETIN.replace('2021年第一季度', id),
      [`data/${id}/websites.csv`]: WEBSITES.replace('10,5,105', total),
      [`data/${id}/new-media.csv`]: NEW_MEDIA.replace(
        '3,虚构乙局,抖音,虚构乙视窗,不合格',
        '3,虚构乙局,抖音,虚构乙视窗,合格',
      ),
    });
    const second = other('2021-Q2', '8,5,103');
    repo.commit('2021-04-01', files({ bulletin: DRAFT }));
    const published = repo.commit('2021-04-20', files());
    repo.commit('2021-07-20', second);
    const before = validate(repo.data);
    expect(before.code, before.out).toBe(0);
    const gone = `${Q}/bulletin.mdx`;
    const deleted = { [gone]: null, [`${Q}/websites.csv`]: null, [`${Q}/new-media.csv`]: null };
    // Deleted in the working tree: restored from the last commit that changed it.
    rmSync(join(repo.data, '2021-Q1'), { recursive: true });
    const restore = `git checkout ${published.slice(0, 7)} -- ${repo.data}/2021-Q1`;
    let { code, out } = validate(repo.data);
    expect(code).toBe(1);
    expect(out).toContain(
      `${repo.data}/2021-Q1: 错误：2021-Q1 已于 2021-04-20 发布（提交 ${published.slice(0, 7)}），现在这个季度文件夹不见了（被删除或改了名）；已发布的通报不能撤下`,
    );
    expect(out).toContain(restore);
    // Renamed and committed: restored from the commit before the rename.
    repo.commit('2021-08-01', { ...deleted, ...other('2021-Q3', '9,5,104') });
    ({ code, out } = validate(repo.data));
    expect(code).toBe(1);
    expect(out).toContain(`${repo.data}/2021-Q1: 错误：2021-Q1 已于 2021-04-20 发布`);
    expect(out).toContain(restore);
    expect(out).toContain('1 个错误');

    // A quarter that was only ever a draft leaves without a word.
    const drafts = gitRepo();
    drafts.commit('2021-04-01', { ...files({ bulletin: DRAFT }), ...second });
    drafts.commit('2021-04-02', deleted);
    rmSync(join(drafts.data, '2021-Q1'), { recursive: true });
    expect(validate(drafts.data).code).toBe(0);
  });

  it('refuses a published quarter made a draft or not proactively disclosed, at the line that does it', () => {
    const repo = gitRepo();
    repo.commit('2021-04-01', files({ bulletin: DRAFT }));
    const v1 = repo.commit('2021-04-20', files());
    repo.write(files({ bulletin: DRAFT }));
    let { code, out } = validate(repo.data);
    expect(code).toBe(1);
    expect(out).toContain(
      `${repo.data}/2021-Q1/bulletin.mdx:6: 错误：draft（草稿） “true”：2021-Q1 已于 2021-04-20 发布（v1（2021-04-20，提交 ${v1.slice(0, 7)}）），现在改成了草稿，将从网站上消失；已发布的通报不能撤下`,
    );
    expect(out).toContain('请改回 draft: false（或删去这一行）');
    repo.commit(
      '2021-05-01',
      files({ bulletin: BULLETIN.replace('disclosure: 主动公开', 'disclosure: 依申请公开') }),
    );
    ({ code, out } = validate(repo.data));
    expect(code).toBe(1);
    expect(out).toContain(
      `${repo.data}/2021-Q1/bulletin.mdx:5: 错误：disclosure（公开方式） “依申请公开”：2021-Q1 已于 2021-04-20 发布`,
    );
    expect(out).toContain('请改回 disclosure: 主动公开');
    // Back to 主动公开: published as before, the same v1.
    repo.commit('2021-05-02', files());
    expect(validate(repo.data).code).toBe(0);
    expect(versions(repo.data).map((v) => v.commit)).toEqual([v1]);
  });

  it('without git (a tarball): one notice, the current files the only version, nothing checked against history', () => {
    const repo = gitRepo();
    repo.commit('2021-04-20', files());
    repo.commit('2021-05-10', files({ websites: CORRECTED }));
    const copy = join(tempDir('ledger-tarball-'), 'data');
    cpSync(repo.data, copy, { recursive: true });
    const { code, out } = validate(copy);
    expect(code, out).toBe(0);
    expect(out).toContain(
      `${copy}: 提示：不在 git 仓库中（如从压缩包解出），读不到已发布的各个版本：每个季度以当前文件为唯一的版本发布`,
    );
    expect(out).toContain('1 条提示');
    const list = versions(copy);
    expect(list.map((v) => [v.number, v.commit])).toEqual([[1, undefined]]);
    expect(list[0]!.quarter.tables.websites!.records[1]!.deduction).toBe(21);
  });

  it('refuses a shallow clone: its history is cut, so the published versions cannot be known', () => {
    const repo = gitRepo();
    repo.commit('2021-04-20', files());
    repo.commit(
      '2021-05-10',
      files({ websites: CORRECTED, bulletin: withCorrections(BULLETIN, ['2021-05-10', '扣分更正']) }),
    );
    const clone = join(tempDir('ledger-shallow-'), 'repo');
    spawnSync('git', ['clone', '-q', '--depth', '1', `file://${repo.root}`, clone], {
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    const { code, out } = validate(join(clone, 'data'));
    expect(code).toBe(1);
    expect(out).toContain(`${join(clone, 'data')}: 错误：仓库是浅克隆（shallow clone）`);
    expect(out).toContain('fetch-depth: 0');
  });

  it('reads only the repository’s top-level data/: another data folder in a repository is plain files, without a notice', () => {
    const repo = gitRepo();
    repo.commit('2021-04-20', {
      'fixtures/2021-Q1/bulletin.mdx': BULLETIN,
      'fixtures/2021-Q1/websites.csv': WEBSITES,
      'fixtures/2021-Q1/new-media.csv': NEW_MEDIA,
    });
    repo.commit('2021-05-10', { 'fixtures/2021-Q1/websites.csv': CORRECTED });
    const { code, out } = validate(join(repo.root, 'fixtures'));
    expect(code, out).toBe(0);
    expect(out).toContain('0 条提示');
  });
});
