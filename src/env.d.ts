declare namespace App {
  interface Locals {
    /** Set by the bulletin page so <Stat> in its prose reads that quarter's figures. */
    quarterStats?: import('./lib/aggregate').QuarterStats;
  }
}
