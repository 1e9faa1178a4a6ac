import type { AppContext } from '../../app-context.ts';
import type { LocalizedText } from '../../domain/calendar/types.ts';
import type { Page } from '../../platform/db/list-page.ts';
import type { SheetColumnType } from '../../platform/sheets/write-sheet.ts';
import type { Actor } from '../access/actor.ts';
import type { SheetLang } from './sheet-text.ts';

/** Rows read per page: enough to keep the queries few, few enough to keep memory flat. */
export const exportPageSize = 1000;

/** One column of an export: its heading in both languages, its cell type, and how an item fills it. */
export interface ExportColumn<Item> {
  key: string;
  header: LocalizedText;
  type: SheetColumnType;
  width?: number;
  /** Left out for client users, who never see it in the app either (fees, the agency's staff). */
  staffOnly?: boolean;
  value(item: Item, lang: SheetLang): unknown;
}

/** What an export of one kind writes: its name, its columns, and every matching item, a page at a time. */
export interface ExportSheet<Item, Filters> {
  title: LocalizedText;
  columns: ExportColumn<Item>[];
  /** Every item the list shows with `filters`, within the actor's scope, in the list's order. */
  pages(input: { ctx: AppContext; actor: Actor; filters: Filters }): AsyncGenerator<Item[]>;
}

/** A column definition, typed by the item it reads. */
export function column<Item>(key: string, header: LocalizedText, type: SheetColumnType, value: ExportColumn<Item>['value'], options: { width?: number; staffOnly?: boolean } = {}): ExportColumn<Item> {
  return { key, header, type, value, ...options };
}

/** Walks a list by its cursor, one page at a time, until the list says no page follows. */
export async function* pageThrough<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    if (page.items.length > 0) yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
