/** Reading a built site: its pages, and the internal links between them. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `dir`, recursively. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** HTML pages of a build, as paths relative to `dist` (e.g. `bulletins/2020-q3/index.html`). */
export function htmlPages(dist: string): string[] {
  return listFiles(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => relative(dist, f));
}

/** One page of each type a site has, by its first path segment (home = ''), as URL paths (e.g. `bulletins/2020-q3/`). */
export function samplePages(pages: string[]): string[] {
  const byType = new Map<string, string>();
  for (const page of pages) {
    const url = page.replace(/index\.html$/, '').replace(/\.html$/, '');
    const segments = url.split('/').filter(Boolean);
    const type = segments.length === 0 ? 'home' : `${segments[0]}${segments.length > 1 ? '/*' : ''}`;
    if (!byType.has(type)) byType.set(type, url);
  }
  return [...byType.values()];
}

const decodeEntities = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** ids declared in a page. */
function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
}

/**
 * Broken internal links and anchors: every href/src that points inside the site (under `base`) must name an
 * existing file (a folder means its index.html), and a #fragment must name an id on the target page.
 */
export function brokenLinks(dist: string, base = '/'): string[] {
  const broken: string[] = [];
  const cache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!cache.has(file)) cache.set(file, idsOf(readFileSync(file, 'utf8')));
    return cache.get(file)!;
  };
  for (const page of htmlPages(dist)) {
    const html = readFileSync(join(dist, page), 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = decodeEntities(m[1]!);
      if (/^(https?:|mailto:|tel:|data:|javascript:)/i.test(raw) && !raw.startsWith('http://site')) {
        if (/^javascript:/i.test(raw)) broken.push(`${page}: javascript: link ${raw}`);
        continue;
      }
      const url = new URL(raw, new URL(`http://site${base}${page.replace(/index\.html$/, '')}`));
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) {
        broken.push(`${page}: ${raw} is outside the base ${base}`);
        continue;
      }
      path = path.slice(base.length);
      let file = join(dist, path);
      if (path === '' || path.endsWith('/')) file = join(file, 'index.html');
      else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        broken.push(`${page}: ${raw} → missing ${relative(dist, file)}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith('.html') && !ids(file).has(fragment))
        broken.push(`${page}: ${raw} → no id "${fragment}"`);
    }
  }
  return broken;
}
