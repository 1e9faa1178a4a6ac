import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListSearch } from '../../../app/components/list-search';
import type { ClientFilters } from '../hooks/use-client-filters';
import type { ClientStatus } from '../hooks/use-clients';
import { useProvinceOptions } from '../hooks/use-provinces';

interface ClientFiltersBarProps {
  filters: ClientFilters;
  onChange: (change: Partial<ClientFilters>) => void;
}

export function ClientFiltersBar({ filters, onChange }: ClientFiltersBarProps) {
  const { t } = useTranslation();
  const provinceOptions = useProvinceOptions();

  const statusOptions = (['active', 'archived', 'all'] as ClientStatus[]).map((value) => ({ value, label: t(`clients.status.${value}`) }));

  return (
    <Space wrap size="middle" style={{ marginBottom: 16 }}>
      <ListSearch value={filters.q} width={340} placeholder={t('clients.searchPlaceholder')} onSearch={(q) => onChange({ q })} />
      <Select
        style={{ width: 200 }}
        aria-label={t('clients.provinceFilter')}
        showSearch={{ optionFilterProp: 'label' }}
        value={filters.province}
        options={[{ value: '', label: t('clients.allProvinces') }, ...provinceOptions]}
        onChange={(province: string) => onChange({ province })}
      />
      <Select
        style={{ width: 140 }}
        aria-label={t('clients.statusFilter')}
        prefix={`${t('clients.statusFilter')}:`}
        value={filters.status}
        options={statusOptions}
        onChange={(status: ClientStatus) => onChange({ status })}
      />
    </Space>
  );
}
