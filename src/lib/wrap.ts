/**
 * Where a table header may wrap. Headers are set with `word-break: keep-all` (global.css), so CJK text never breaks
 * between two characters of a word (“首页不更/新”); a header longer than a short column gets explicit break
 * opportunities (<wbr>) between its words only.
 */

/** Headers up to this many characters stay on one line. */
const ONE_LINE = 6;

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** A piece of a long header has at least this many characters (besides punctuation), so short words stay with their neighbours. */
const MIN_PIECE = 3;

/**
 * A header in the pieces it may wrap between: one piece for a short header; for a long one, runs of its words of at
 * least three characters, ending at punctuation, a one-character word kept with the word before it:
 * “安全、泄密事故等严重问题” → 安全、| 泄密事故等 | 严重问题.
 */
export function headerParts(text: string): string[] {
  if ([...text].length <= ONE_LINE) return [text];
  const parts: string[] = [];
  let open = false; // the last piece is shorter than MIN_PIECE and takes the next word
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    const single = [...segment].length === 1;
    if (parts.length > 0 && (open || !isWordLike || single)) parts[parts.length - 1] += segment;
    else parts.push(segment);
    open = isWordLike === true && [...parts.at(-1)!].length < MIN_PIECE;
  }
  // A short last piece goes with the one before it.
  if (parts.length > 1 && open) parts.splice(-2, 2, parts.at(-2)! + parts.at(-1)!);
  return parts;
}
