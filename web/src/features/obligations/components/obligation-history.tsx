import { Empty, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../app/format';
import type { ObligationHistoryEntry } from '../hooks/use-obligations';

const colors: Record<string, string> = { completed: 'green', 'became-done': 'green', reopened: 'blue', 'became-open': 'blue', 'due-moved': 'orange', 'basis-vanished': 'red' };
const known = ['completed', 'reopened', 'assigned', 'evidence', 'due-moved', 'became-done', 'became-open', 'became-not-applicable', 'basis-vanished'] as const;
type Kind = (typeof known)[number];

/** Changes the licence's records made; any other change was someone's (whose name client users are not shown). */
const byRules = new Set(['due-moved', 'became-done', 'became-open', 'became-not-applicable', 'basis-vanished']);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One change in words: what happened, with its dates, names or file. */
function useDescribe(): (entry: ObligationHistoryEntry) => string {
  const { t } = useTranslation();
  return (entry) => {
    if (!(known as readonly string[]).includes(entry.kind)) return entry.kind;
    const d = entry.details;
    const nobody = t('obligations.history.nobody');
    return t(`obligations.history.${entry.kind as Kind}`, {
      doneOn: text(d.doneOn),
      from: text(d.from) || nobody,
      to: text(d.to) || nobody,
      fileName: text(d.fileName),
    });
  };
}

/** 变更记录: newest first, who did it (or 系统, for what the licence's records changed) and when. */
export function ObligationHistory({ entries }: { entries: ObligationHistoryEntry[] }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('obligations.drawer.noHistory')} />;
  const who = (entry: ObligationHistoryEntry) => entry.actorName ?? (byRules.has(entry.kind) ? t('obligations.history.system') : null);
  const newestFirst = [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Timeline
      data-testid="obligation-history"
      items={newestFirst.map((entry) => ({
        key: entry.id,
        color: colors[entry.kind] ?? 'gray',
        content: (
          <Flex vertical gap={2} data-testid="obligation-history-entry" data-kind={entry.kind}>
            <span>{describe(entry)}</span>
            {text(entry.details.note) && <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{text(entry.details.note)}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[who(entry), formatInstant(entry.at)].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
