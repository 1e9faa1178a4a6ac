import { Checkbox, Flex, Segmented, Select, Space } from 'antd';
import { AppstoreOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ListSearch } from '../../../app/components/list-search';
import { useCatalogServices } from '../../catalog/hooks/use-catalog';
import { ClientSelect } from '../../clients/components/client-select';
import { applicationStates } from '../application-flow';
import type { ApplicationFilters, ApplicationsView } from '../hooks/use-application-filters';
import type { ApplicationState } from '../hooks/use-applications';

interface ApplicationFiltersBarProps {
  filters: ApplicationFilters;
  onChange: (change: Partial<ApplicationFilters>) => void;
  /** Agency staff search and filter by client and by who is in charge; a client user sees only their company anyway. */
  isStaff: boolean;
}

/** 业务种类: every service of the catalogue by its code and name, or all of them. */
function ServiceFilter({ value, onChange }: { value: string; onChange: (serviceCode: string) => void }) {
  const { t, i18n } = useTranslation();
  const { data, isPending } = useCatalogServices();
  const english = i18n.language === 'en-US';
  const options = [{ value: '', label: t('applications.filters.allServices') }, ...(data ?? []).map((s) => ({ value: s.code, label: `${s.code} ${english ? s.en : s.zh}` }))];
  return (
    <Select
      style={{ width: 240 }}
      aria-label={t('applications.filters.service')}
      prefix={`${t('applications.filters.service')}:`}
      loading={isPending}
      value={value}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      onChange={onChange}
    />
  );
}

export function ApplicationFiltersBar({ filters, onChange, isStaff }: ApplicationFiltersBarProps) {
  const { t } = useTranslation();
  const stateOptions = [{ value: '', label: t('applications.filters.allStates') }, ...applicationStates.map((state) => ({ value: state, label: t(`applications.states.${state}`) }))];

  const viewSwitch = (
    <Segmented<ApplicationsView>
      aria-label={t('applications.viewLabel')}
      value={filters.view}
      onChange={(view) => onChange({ view })}
      options={[
        { value: 'table', label: t('applications.view.table'), icon: <UnorderedListOutlined /> },
        { value: 'board', label: t('applications.view.board'), icon: <AppstoreOutlined /> },
      ]}
    />
  );

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        {isStaff ? (
          <ListSearch value={filters.q} width={360} placeholder={t('applications.filters.searchPlaceholder')} onSearch={(q) => onChange({ q })} />
        ) : (
          <span />
        )}
        {viewSwitch}
      </Flex>
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
        <ServiceFilter value={filters.serviceCode} onChange={(serviceCode) => onChange({ serviceCode })} />
        {isStaff && (
          // A vertical flex box stretches the select to its width.
          <Flex vertical style={{ width: 300 }} data-testid="client-filter">
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
        <Checkbox checked={filters.overdue} onChange={(event) => onChange({ overdue: event.target.checked })} data-testid="overdue-filter">
          {t('applications.filters.overdue')}
        </Checkbox>
      </Space>
    </Flex>
  );
}
