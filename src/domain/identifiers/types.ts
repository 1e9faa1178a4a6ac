import type { LocalizedText } from '../calendar/types.ts';

/** Why an identifier was rejected (or what to warn about): a stable code plus zh/en text naming the problem. */
export interface IdentifierReason<C extends string = string> extends LocalizedText {
  code: C;
}

/** Outcome of parsing an identifier: the parts, or the first reason it is not valid. */
export type ParseResult<T> =
  | { ok: true; value: T; warnings: IdentifierReason[] }
  | { ok: false; reason: IdentifierReason; expectedCheck?: string };

/** A named place, e.g. the province a region code belongs to. */
export interface NamedCode extends LocalizedText {
  code: string;
}
