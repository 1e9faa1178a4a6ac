import { Badge, Flex, Segmented, Select, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAssignableUsers } from '../../applications/hooks/use-assignable-users';
import { ClientSelect } from '../../clients/components/client-select';
import { useLicence } from '../../licenses/hooks/use-licences';
import type { ObligationKind, ObligationStatus } from '../hooks/use-obligations';
import { dueWindows, isClosedStatus, obligationKinds, obligationStatuses, type ObligationFilters } from '../obligation-filters';

interface ObligationFiltersBarProps {
  filters: ObligationFilters;
  onChange: (change: Partial<ObligationFilters>) => void;
  /** Agency staff filter by client and by who is in charge; a client user sees only their company anyway. */
  isStaff: boolean;
}

const dotColors: Record<ObligationStatus, string> = { overdue: 'red', 'due-soon': 'orange', upcoming: 'blue', done: 'green', 'not-applicable': '#bfbfbf' };

/** The licence the list is narrowed to (from a licence's page), by its number, with the way back to all of them. */
function LicenceFilterTag({ licenceId, onClear }: { licenceId: string; onClear: () => void }) {
  const { t } = useTranslation();
  const licence = useLicence(licenceId);
  return (
    <Tooltip title={t('obligations.filters.clearLicence')}>
      <Tag closable onClose={onClear} color="processing" style={{ paddingBlock: 4 }} data-testid="licence-filter">
        {t('obligations.filters.licence', { number: licence.data?.number ?? '…' })}
      </Tag>
    </Tooltip>
  );
}

function AssigneeFilter({ value, onChange }: { value: string; onChange: (assignee: string) => void }) {
  const { t } = useTranslation();
  const { users, isPending } = useAssignableUsers();
  const options = [
    { value: '', label: t('obligations.filters.anyAssignee') },
    { value: 'me', label: t('obligations.filters.mine') },
    { value: 'none', label: t('obligations.filters.unassigned') },
    ...(users ?? []).map((user) => ({ value: user.id, label: user.name })),
  ];
  return (
    <Select
      style={{ width: 200 }}
      aria-label={t('obligations.filters.assignee')}
      prefix={`${t('obligations.filters.assignee')}:`}
      loading={isPending}
      value={value}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      onChange={onChange}
    />
  );
}

export function ObligationFiltersBar({ filters, onChange, isStaff }: ObligationFiltersBarProps) {
  const { t } = useTranslation();
  const windows: number[] = [...dueWindows];
  if (filters.dueWithinDays && !windows.includes(filters.dueWithinDays)) windows.push(filters.dueWithinDays);
  windows.sort((a, b) => a - b);

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Segmented<string>
        aria-label={t('obligations.filters.status')}
        data-testid="status-filter"
        value={filters.status}
        onChange={(value) => {
          const status = value as ObligationStatus | '';
          onChange({ status, ...(isClosedStatus(status) ? { dueWithinDays: 0 } : {}) });
        }}
        options={[
          { value: '', label: t('obligations.filters.allStatuses') },
          ...obligationStatuses.map((s) => ({ value: s, label: <Badge color={dotColors[s]} text={t(`obligations.status.${s}`)} /> })),
        ]}
      />
      <Flex gap={12} wrap align="center">
        <Tooltip title={t('obligations.filters.dueWithinHint')}>
          <Segmented<number>
            aria-label={t('obligations.filters.due')}
            data-testid="due-filter"
            value={filters.dueWithinDays}
            onChange={(days) => onChange({ dueWithinDays: days, ...(days && isClosedStatus(filters.status) ? { status: '' } : {}) })}
            options={[{ value: 0, label: t('obligations.filters.anyDue') }, ...windows.map((days) => ({ value: days, label: t('obligations.filters.dueWithin', { days: String(days) }) }))]}
          />
        </Tooltip>
        <Select
          style={{ width: 220 }}
          aria-label={t('obligations.filters.kind')}
          prefix={`${t('obligations.filters.kind')}:`}
          value={filters.kind}
          popupMatchSelectWidth={false}
          options={[{ value: '', label: t('obligations.filters.allKinds') }, ...obligationKinds.map((k) => ({ value: k, label: t(`obligations.kinds.${k}`) }))]}
          onChange={(kind: ObligationKind | '') => onChange({ kind })}
        />
        {isStaff && (
          // A vertical flex box stretches the select to its width.
          <Flex vertical style={{ width: 280 }} data-testid="client-filter">
            <ClientSelect value={filters.clientId || undefined} onChange={(clientId) => onChange({ clientId: clientId ?? '' })} placeholder={t('obligations.filters.allClients')} allowClear />
          </Flex>
        )}
        {isStaff && <AssigneeFilter value={filters.assignee} onChange={(assignee) => onChange({ assignee })} />}
        {filters.licenceId && <LicenceFilterTag licenceId={filters.licenceId} onClear={() => onChange({ licenceId: '' })} />}
      </Flex>
    </Flex>
  );
}
