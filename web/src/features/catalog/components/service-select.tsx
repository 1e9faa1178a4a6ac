import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalogServices } from '../hooks/use-catalog';

interface ServiceSelectProps {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
}

/** Picks a service from the 2015 catalogue, grouped into 第一类 / 第二类. */
export function ServiceSelect({ id, value, onChange, multiple = false }: ServiceSelectProps) {
  const { t, i18n } = useTranslation();
  const { data, isPending } = useCatalogServices();
  const english = i18n.language === 'en-US';
  const options = (['B1', 'B2'] as const).map((group) => ({
    label: t(`catalog.classes.${group}`),
    title: group,
    options: (data ?? [])
      .filter((s) => s.class === group)
      .map((s) => ({ value: s.code, label: `${s.code} ${english ? s.en : s.zh}` })),
  }));
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(next: string | string[]) => onChange?.(next)}
      loading={isPending}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('catalog.pickService')}
    />
  );
}
