/** The two annexes of a bulletin: their number, table and row anchor prefix. */
export const ANNEXES = [
  { annex: 1, kind: 'websites', rowIdPrefix: 'website-' },
  { annex: 2, kind: 'newMedia', rowIdPrefix: 'account-' },
] as const;

export type Annex = (typeof ANNEXES)[number];
