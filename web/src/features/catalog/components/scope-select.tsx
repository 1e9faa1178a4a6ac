import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { useCatalogScopes } from '../hooks/use-catalog';

interface ScopeSelectProps {
  id?: string;
  value?: string;
  onChange?: (scope: string) => void;
}

/** 跨地区 (MIIT) or one province (its 通信管理局), with the authority that issues the licence. */
export function ScopeSelect({ id, value, onChange }: ScopeSelectProps) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const { data, isPending } = useCatalogScopes();
  const english = i18n.language === 'en-US';
  const options = (data ?? []).map((scope) => ({
    value: scope.scope,
    label: localized(scope.label),
    authority: english ? scope.authority.en : scope.authority.zh,
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={isPending}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('catalog.pickScope')}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.authority}
          </Typography.Text>
        </div>
      )}
    />
  );
}
