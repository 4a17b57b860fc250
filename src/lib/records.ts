/** The validated rows of the two annex tables, as the site and the downloads use them. */
import type { Platform, Result } from './columns.ts';

export interface WebsiteRecord {
  /** Line of the row in websites.csv, for messages. */
  line: number;
  /** 0-based position in the published table, which decides the annex page the row is on. */
  position: number;
  /** Identity across quarters (see identity.ts). */
  key: string;
  seq: number;
  name: string;
  homepageStale: boolean;
  columnsStale: boolean;
  poorInteraction: boolean;
  servicesUnusable: boolean;
  seriousIncident: boolean;
  /** 其他问题 as published (empty when none). */
  otherProblems: string;
  /** 其他问题 split into separate problems. */
  problems: string[];
  bonus: number;
  deduction: number;
  total: number;
  category?: string;
  region?: string;
  siteCode?: string;
  url?: string;
  result?: Result;
  rectification?: string;
}

export interface AccountRecord {
  line: number;
  /** 0-based position in the published table. */
  position: number;
  key: string;
  seq: number;
  unit: string;
  /**
   * Identity of the unit across quarters: unitKey() of its current name, after data/aliases.csv
   * (see aliases.ts). Set by validation; optional only so hand-made records in tests need not carry it.
   */
  unitKey?: string;
  platform: Platform;
  account: string;
  result: Result;
  region?: string;
  problem?: string;
  rectification?: string;
}
