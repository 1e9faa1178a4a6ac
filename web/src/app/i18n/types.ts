import type { zhCN } from './zh-CN';

/** Same keys as the Chinese texts, any string values: what another language must provide. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type Messages = Widen<typeof zhCN>;
