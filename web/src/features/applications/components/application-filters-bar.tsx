import { Checkbox, Flex, Segmented, Select, Space } from 'antd';
import { AppstoreOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ClientSelect } from '../../clients/components/client-select';
import { applicationStates } from '../application-flow';
import type { ApplicationFilters, ApplicationsView } from '../hooks/use-application-filters';
import type { ApplicationState } from '../hooks/use-applications';

interface ApplicationFiltersBarProps {
  filters: ApplicationFilters;
  onChange: (change: Partial<ApplicationFilters>) => void;
  /** Agency staff filter by client and by who is in charge; a client user sees only their company anyway. */
  isStaff: boolean;
}

export function ApplicationFiltersBar({ filters, onChange, isStaff }: ApplicationFiltersBarProps) {
  const { t } = useTranslation();
  const stateOptions = [{ value: '', label: t('applications.filters.allStates') }, ...applicationStates.map((state) => ({ value: state, label: t(`applications.states.${state}`) }))];

  return (
    <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
      <Space wrap size="middle">
        {filters.view === 'table' && (
          <Select
            style={{ width: 220 }}
            aria-label={t('applications.filters.state')}
            prefix={`${t('applications.filters.state')}:`}
            value={filters.state}
            options={stateOptions}
            onChange={(state: ApplicationState | '') => onChange({ state })}
          />
        )}
        {isStaff && (
          // A vertical flex box stretches the select to its width.
          <Flex vertical style={{ width: 320 }} data-testid="client-filter">
            <ClientSelect
              value={filters.clientId || undefined}
              onChange={(clientId) => onChange({ clientId: clientId ?? '' })}
              placeholder={t('applications.filters.allClients')}
              allowClear
            />
          </Flex>
        )}
        {isStaff && (
          <Checkbox checked={filters.mine} onChange={(event) => onChange({ mine: event.target.checked })}>
            {t('applications.filters.mine')}
          </Checkbox>
        )}
      </Space>
      <Segmented<ApplicationsView>
        aria-label={t('applications.viewLabel')}
        value={filters.view}
        onChange={(view) => onChange({ view })}
        options={[
          { value: 'table', label: t('applications.view.table'), icon: <UnorderedListOutlined /> },
          { value: 'board', label: t('applications.view.board'), icon: <AppstoreOutlined /> },
        ]}
      />
    </Flex>
  );
}
