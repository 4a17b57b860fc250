/**
 * Escaping for HTML a page writes as a string (`<Fragment set:html>`): the same characters, as the same entities, as
 * Astro escapes `{text}` and `attr={value}` (astro/dist/runtime/server/escape.js, render/util.js), so the bytes are
 * those of the markup it replaces and data stays text.
 */

const TEXT_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
  '"': '&quot;',
};
// One of each, made once: tests without the g flag keep no state between calls; replace() resets the g ones.
const TEXT_SPECIAL = /[&<>'"]/;
const TEXT_SPECIALS = /[&<>'"]/g;
const ATTR_SPECIAL = /[&"]/;

/** Text between tags: & < > ' " as entities. */
export const escapeText = (text: string): string =>
  TEXT_SPECIAL.test(text) ? text.replace(TEXT_SPECIALS, (c) => TEXT_ENTITY[c]!) : text;

/** A double-quoted attribute value: & and " as entities (nothing else can end the value). */
export const escapeAttr = (value: string): string =>
  ATTR_SPECIAL.test(value) ? value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') : value;
