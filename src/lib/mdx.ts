/**
 * The prose of bulletin.mdx, checked with the compiler the build uses, so that `npm run validate` and the build cannot
 * disagree: what passes here compiles and renders, and what would break the build is reported at its file and line,
 * in Chinese, saying how to write it.
 *
 * The build compiles MDX with Sätteri (`satteri`, through @astrojs/mdx → @astrojs/markdown-satteri, whose
 * createSatteriMdxProcessor calls `mdxToJs` with the options below). Compiling is not enough: `{如潮州创森}` compiles
 * and then fails while the page renders (`ReferenceError`), `<div>` compiles and bypasses the page's styles. So the
 * prose may hold Markdown and `<Stat name="…" />` only: no `{…}` expressions, no import/export, no other tags.
 */
import { mdxToJs, mdxToMdast } from 'satteri';
import type { Finding } from './findings.ts';

/**
 * The options of the build's compile that decide what parses (@astrojs/markdown-satteri 0.4, mdx/create-processor.js:
 * GFM and smart punctuation on by default, Astro's JSX runtime, HTML attribute names). The build's plugins only
 * rewrite the compiled tree (heading ids, images, metadata); the one that can fail, local images, is checked below.
 */
const BUILD_OPTIONS = {
  features: { gfm: true, smartPunctuation: true },
  jsxImportSource: 'astro',
  elementAttributeNameCase: 'html',
} as const;

/** The one component the bulletin page passes to the prose (src/pages/bulletins/[slug].astro: `components={{ Stat }}`). */
export const STAT = 'Stat';
const STAT_EXAMPLE = '<Stat name="网站数" />';

/** A `<Stat name="…" />` of the prose; `line` is 1-based within the body, `start`/`end` are offsets of the tag in it. */
export interface StatReference {
  name: string;
  line: number;
  start?: number;
  end?: number;
}

/** The parts of an mdast node (satteri's materialised tree) the checks read. */
interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
}

const BRACES = '正文中不能使用大括号 { }；括注请改用（）或「」，确需大括号请写成 \\{ 和 \\}';
/** `{…}`: MDX runs what is inside as program code, so prose there breaks the page. */
const EXPRESSION = BRACES.replace('{ }；', '{ }（MDX 会把其中的内容当作程序代码，网站无法生成）；');
const LESS_THAN =
  '正文中的“<”会被当作标签的开始，网站无法生成；小于号请写成 &lt; 或全角“＜”，如“得分＜100分”';
const ESM = '正文中不能写 import 或 export 语句；请删除这一行';
const tagMessage = (tag: string) =>
  `正文中不能使用 ${tag} 标签：只能使用数字组件，如 ${STAT_EXAMPLE}；标题、列表、链接、强调请用 Markdown 书写（如 ## 标题、[文字](网址)、**加粗**），换行请空一行另起一段；要写小于号请写成 &lt; 或全角“＜”`;
const statMessage = (what: string) =>
  `${what}；应写成 ${STAT_EXAMPLE}：name 加英文双引号，以 /> 结尾，可用的名称见 src/lib/figures.ts`;

/** The compiler's error: `3:3: Unexpected character after \`<\`… (mdx-jsx:unexpected-character)`. */
function parseCompileError(error: unknown): { line?: number; column?: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s+\([\w:-]+\))?$/.exec(message);
  if (!match) return { reason: message };
  // Without the compiler's hints for programmers (`note: to create a link in MDX, use [text](url)`) and positions
  // within the body, which are not file lines.
  return {
    line: Number(match[1]),
    column: Number(match[2]),
    reason: match[3]!.replace(/\s*\(note: .*\)$/, '').replace(/\s*\(\d+:\d+\)/g, ''),
  };
}

/** What staff wrote at the error and how to write it instead, from the compiler's message and the text at its position. */
function explainCompileError(
  lines: string[],
  line: number,
  column: number,
  reason: string,
): { line: number; value?: string; message: string } {
  const text = lines[line - 1] ?? '';
  const rest = text.slice(column - 1);
  const snippet = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);
  const closing = /^Expected a closing tag for `<([^>]*)>`/.exec(reason);
  if (/^Unexpected closing tag/.test(reason)) {
    const tag = /`(<\/[^`]*>)`/.exec(reason)?.[1] ?? snippet(rest);
    return { line, value: tag, message: `多余的结束标签；${tagMessage(tag)}` };
  }
  if (rest.startsWith('<!--')) {
    return {
      line,
      value: snippet(rest.slice(0, rest.indexOf('-->') + 3 || undefined)),
      message: 'HTML 注释（<!-- … -->）不能写在正文中（网站无法生成）；请删除这段注释',
    };
  }
  if (closing?.[1] === STAT || rest.startsWith(`<${STAT}`)) {
    return {
      line,
      value: snippet(rest.slice(0, rest.indexOf('>') + 1 || rest.length)),
      message: statMessage('数字组件没有写完整'),
    };
  }
  if (closing) return { line, value: `<${closing[1]}>`, message: tagMessage(`<${closing[1]}>`) };
  if (/^<[a-z][a-z0-9+.-]*:/i.test(rest)) {
    return {
      line,
      value: snippet(rest.slice(0, rest.indexOf('>') + 1 || rest.length)),
      message: '网址不能用尖括号 < > 括起来（网站无法生成）；请直接写网址，或写成 [文字](网址)',
    };
  }
  if (/^<[A-Za-z/]/.test(rest)) {
    const tag = /^<\/?[^\s>/]*/.exec(rest)![0];
    return { line, value: `${tag}>`, message: tagMessage(`${tag}>`) };
  }
  if (rest.startsWith('<')) return { line, value: snippet(rest), message: LESS_THAN };
  if (/expression|brace/i.test(reason)) {
    const open = text.lastIndexOf('{', column - 1);
    return { line, value: snippet(open === -1 ? rest : text.slice(open)), message: EXPRESSION };
  }
  if (/import\/export|esm/i.test(reason)) {
    // The statement, not the line after it where the compiler stopped.
    for (let i = line; i >= 1; i--) {
      if (/^(import|export)\b/.test(lines[i - 1]!))
        return { line: i, value: snippet(lines[i - 1]!), message: ESM };
    }
  }
  return {
    line,
    value: snippet(rest) || undefined,
    message:
      '这一行的写法网站无法生成；请检查其中的 < > { } 符号：小于号写成 &lt; 或全角“＜”，大括号改用（）或「」，数字组件写成 ' +
      STAT_EXAMPLE,
  };
}

/** Every node of the tree, depth first. */
function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/** The problem with one `<Stat …>` element, if any (its name is checked against FIGURES with the quarter's data). */
function statProblem(node: Node): { value: string; message: string; gloss: string } | undefined {
  const attributes = node.attributes ?? [];
  for (const a of attributes) {
    if (a.type !== 'mdxJsxAttribute')
      return {
        value: `{${String(a.value)}}`,
        message: statMessage('数字组件中不能用大括号 { }'),
        gloss: 'Stat takes no expression',
      };
    if (a.name !== 'name')
      return {
        value: `${a.name}=`,
        message: statMessage(`不认识的属性“${a.name}”`),
        gloss: `unknown Stat attribute ${a.name}`,
      };
    if (typeof a.value !== 'string') {
      const value =
        a.value && typeof a.value === 'object' && 'value' in a.value ? `{${String(a.value.value)}}` : 'name';
      return {
        value: `name=${value}`,
        message: statMessage('数字的名称应写在英文双引号中，不能用大括号 { }'),
        gloss: 'Stat name must be a string literal',
      };
    }
  }
  if (attributes.length === 0)
    return { value: `<${STAT}>`, message: statMessage('缺少数字的名称 name'), gloss: 'Stat without name' };
  if (attributes.length > 1)
    return { value: `<${STAT}>`, message: statMessage('只能有一个 name'), gloss: 'Stat with several names' };
  if ((node.children ?? []).length > 0)
    return { value: `<${STAT}>`, message: statMessage('数字组件中间不能有内容'), gloss: 'Stat with content' };
  return undefined;
}

/** Unescaped `}` in a text node's source: prose braces the compiler lets through as text, refused like `{`. */
function strayBrace(body: string, node: Node): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const source = body.slice(start, end);
  const at = source.search(/(?<!\\)\}/);
  return at === -1 ? undefined : source.slice(Math.max(0, at - 10), at + 1);
}

/** Line of a node within the body. */
const lineOf = (node: Node) => node.position?.start.line ?? 1;

/**
 * Checks the prose of bulletin.mdx as the build compiles it. `bodyLine` is the file line where the body starts (after
 * the frontmatter), so every finding points at the file's own line.
 */
export function checkMdx(body: string, bodyLine: number, file: string): Finding[] {
  const at = (line: number) => bodyLine + line - 1;
  const lines = body.split('\n');
  try {
    mdxToJs(body, BUILD_OPTIONS);
  } catch (error) {
    const { line, column, reason } = parseCompileError(error);
    const explained = explainCompileError(lines, line ?? 1, column ?? 1, reason);
    return [
      {
        severity: 'error',
        file,
        line: at(explained.line),
        column: '正文',
        value: explained.value,
        message: explained.message,
        gloss: `MDX: ${reason}`,
      },
    ];
  }
  let tree: Node;
  try {
    tree = mdxToMdast(body, { features: BUILD_OPTIONS.features }) as Node;
  } catch (error) {
    // Not seen: the tree parses whatever compiled. Still a located message rather than a crash.
    return [
      {
        severity: 'error',
        file,
        line: bodyLine,
        column: '正文',
        message: '正文无法解析；请检查其中的 < > { } 符号',
        gloss: `MDX: ${parseCompileError(error).reason}`,
      },
    ];
  }
  const findings: Finding[] = [];
  const add = (node: Node, value: string, message: string, gloss: string) =>
    findings.push({ severity: 'error', file, line: at(lineOf(node)), column: '正文', value, message, gloss });
  for (const node of walk(tree)) {
    switch (node.type) {
      case 'mdxjsEsm':
        add(node, String(node.value).split('\n')[0]!, ESM, 'import/export in MDX');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(node, `{${String(node.value)}}`, EXPRESSION, 'expression in MDX');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (node.name !== STAT) {
          const tag = `<${node.name ?? ''}>`;
          const hint = node.name?.toLowerCase() === STAT.toLowerCase() ? `是不是 <${STAT}>（S 大写）？` : '';
          add(node, tag, hint + tagMessage(tag), `unknown component ${tag}`);
          break;
        }
        const problem = statProblem(node);
        if (problem) add(node, problem.value, problem.message, problem.gloss);
        break;
      }
      case 'image':
        if (!/^[a-z][a-z0-9+.-]*:|^\//i.test(node.url ?? '')) {
          add(
            node,
            node.url ?? '',
            '正文中不能插入本地图片（季度文件夹中只能有三个文件，网站无法生成）；请删除这张图片',
            'local image in MDX',
          );
        }
        break;
      case 'text': {
        const brace = strayBrace(body, node);
        if (brace) add(node, brace, BRACES, 'unmatched } in MDX');
        break;
      }
    }
  }
  return findings;
}

/** The `<Stat name="…" />` of the prose, from the compiler's tree; none when the prose does not compile (checkMdx says why). */
export function statReferences(body: string): StatReference[] {
  let tree: Node;
  try {
    tree = mdxToMdast(body, { features: BUILD_OPTIONS.features }) as Node;
  } catch {
    return [];
  }
  const refs: StatReference[] = [];
  for (const node of walk(tree)) {
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === STAT) {
      const name = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'name')?.value;
      if (typeof name === 'string')
        refs.push({
          name,
          line: lineOf(node),
          start: node.position?.start.offset,
          end: node.position?.end.offset,
        });
    }
  }
  return refs;
}
