/**
 * Indexed substring search that finds one- and two-character Chinese terms on both databases.
 *
 * A name is indexed as its 1- and 2-character grams (trigram indexes, FTS5's trigram tokenizer and pg_trgm alike,
 * cannot match fewer than three characters, and most Chinese search terms are two). Each gram is written as an ASCII
 * token (`g` + 4 base-36 digits per code point), so no user character ever reaches FTS5 or tsquery syntax, and
 * punctuation, quotes, `*`, `%` or `NEAR(` are searched literally. Bigrams come first, in text order, so a phrase of a
 * term's bigrams matches exactly the texts containing it: FTS5 on SQLite, a tsvector (`simple`) with GIN on PostgreSQL.
 */

/** The form both a name and a search term are compared in: NFKC (full-width → half-width), lower case. */
export function toSearchText(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

const tokenOf = (chars: string[]) => `g${chars.map((c) => c.codePointAt(0)!.toString(36).padStart(4, '0')).join('')}`;

function gramsOf(text: string): { bigrams: string[]; unigrams: string[] } {
  const chars = [...text];
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(tokenOf([chars[i], chars[i + 1]]));
  return { bigrams, unigrams: [...new Set(chars)].map((c) => tokenOf([c])) };
}

/** What a searchable row stores: its normalised text and its grams (bigrams in order, then each character once). */
export function toSearchColumns(value: string): { searchText: string; searchGrams: string } {
  const searchText = toSearchText(value);
  const { bigrams, unigrams } = gramsOf(searchText);
  return { searchText, searchGrams: [...bigrams, ...unigrams].join(' ') };
}

/** A search term ready for each database; every part is built from tokens or escaped, never from raw input. */
export interface SearchTermMatch {
  /** An FTS5 query (SQLite): one quoted phrase of ASCII tokens. */
  ftsQuery: string;
  /** A tsquery (PostgreSQL, `simple` configuration): the same phrase, tokens joined by `<->`. */
  tsQuery: string;
  /** `%term%` with `\`, `%` and `_` escaped, for `LIKE … ESCAPE '\'` on the normalised text (a walk checks rows with it). */
  like: string;
  /** The term's one token when it is a single gram (one or two characters), else null: PostgreSQL's gram B-tree. */
  gram: string | null;
}

/** The match for a search term, or null when nothing is left of it to search. */
export function toSearchTermMatch(term: string): SearchTermMatch | null {
  const text = toSearchText(term);
  const chars = [...text];
  if (chars.length === 0) return null;
  const { bigrams, unigrams } = gramsOf(text);
  const phrase = chars.length === 1 ? unigrams : bigrams;
  return { ftsQuery: `"${phrase.join(' ')}"`, tsQuery: phrase.join(' <-> '), like: `%${escapeLike(text)}%`, gram: phrase.length === 1 ? phrase[0] : null };
}

/** Escapes LIKE's wildcards and its escape character, for `LIKE … ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
