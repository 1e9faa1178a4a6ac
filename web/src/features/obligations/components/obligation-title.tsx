import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { Obligation } from '../hooks/use-obligations';
import { periodOf } from '../obligation-filters';

const changeKinds = ['name', 'legal-representative', 'registered-capital', 'merger-split', 'shareholder', 'transfer', 'coverage'] as const;
type ChangeKind = (typeof changeKinds)[number];

/** The period a key names after its rule, in words: 2027 年报送, B24-1. */
export function usePeriodText(): (obligation: Pick<Obligation, 'key' | 'kind'>) => string {
  const { t } = useTranslation();
  const changeName = (change: string) => (changeKinds.includes(change as ChangeKind) ? t(`obligations.changeKinds.${change as ChangeKind}`) : change);
  return (obligation) => {
    const period = periodOf(obligation);
    if (!period) return '';
    if ('year' in period) return t('obligations.period.year', { year: period.year });
    if ('change' in period) return `${changeName(period.change)} · ${period.on}`;
    return period.text;
  };
}

/** The rule's name, with the period it is for in grey. */
export function ObligationTitle({ obligation }: { obligation: Pick<Obligation, 'key' | 'kind' | 'title'> }) {
  const localized = useLocalized();
  const periodText = usePeriodText();
  const period = periodText(obligation);
  return (
    <span>
      {localized(obligation.title)}
      {period && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12, whiteSpace: 'nowrap' }}>
          {period}
        </Typography.Text>
      )}
    </span>
  );
}
