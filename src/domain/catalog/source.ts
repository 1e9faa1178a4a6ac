import type { LocalizedText } from '../calendar/types.ts';

/** What kind of text a rule comes from: a regulation, an official notice, the agency's guide, or common practice. */
export type SourceKind = 'regulation' | 'notice' | 'guide' | 'practice';

/** Where a rule comes from, so a user can see why a deadline or threshold exists. */
export interface Source {
  kind: SourceKind;
  /** Official title and article, e.g. `电信业务经营许可管理办法（工业和信息化部令第42号）第六条`. */
  ref: string;
  url?: string;
  /** What the source says, or a caveat about it, when the ref alone is not enough. */
  note?: LocalizedText;
}

/** H = high, M = medium, L = low; L and "unconfirmed" rules are configurable per organisation. */
export type Confidence = 'H' | 'M' | 'L';

/** A rule that can show where it comes from and how sure we are. */
export interface Sourced {
  source: Source;
  confidence: Confidence;
}
