import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Declared } from '../eligibility-form-values';

/** 是 / 否 / 未声明: not declaring is different from declaring no. */
export function DeclaredChoice({ id, value, onChange }: { id?: string; value?: Declared; onChange?: (value: Declared) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      id={id}
      size="small"
      optionType="button"
      value={value ?? 'unknown'}
      onChange={(event) => onChange?.(event.target.value as Declared)}
      options={[
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
        { value: 'unknown', label: t('catalog.eligibility.notDeclared') },
      ]}
    />
  );
}
