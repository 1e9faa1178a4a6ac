import { Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { ImportField } from '../hooks/use-imports';

/** The Select's value for "ignore this column": options need a value, the mapping says null. */
const ignore = '';

interface FieldSelectProps {
  fields: ImportField[];
  value: string | null;
  onChange: (key: string | null) => void;
  /** The heading of the column each field is already chosen for, to say so in the list. */
  takenBy: Map<string, string>;
  ariaLabel: string;
  disabled: boolean;
  testId: string;
}

/** Which field a column goes to: the fields in the UI language, required ones marked, and "ignore". */
export function FieldSelect({ fields, value, onChange, takenBy, ariaLabel, disabled, testId }: FieldSelectProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const options = [{ value: ignore, label: t('imports.mapping.ignore') }, ...fields.map((f) => ({ value: f.key, label: localized(f.label) }))];
  const chosen = value ? byKey.get(value) : undefined;

  return (
    <Flex vertical gap={2} data-testid={testId}>
      <Select
        style={{ width: '100%' }}
        aria-label={ariaLabel}
        value={value ?? ignore}
        disabled={disabled}
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={360}
        onChange={(key: string) => onChange(key === ignore ? null : key)}
        labelRender={({ value: key, label }) => {
          const field = byKey.get(String(key));
          if (!field) return <Typography.Text type="secondary">{label}</Typography.Text>;
          return (
            <span>
              {label}
              {field.required && <Typography.Text type="danger"> *</Typography.Text>}
            </span>
          );
        }}
        optionRender={(option) => {
          const field = byKey.get(String(option.value));
          if (!field) return <Typography.Text type="secondary">{option.label}</Typography.Text>;
          const taken = takenBy.get(field.key);
          return (
            <Flex vertical>
              <Flex gap={6} align="center" wrap>
                <span>{option.label}</span>
                {field.required && (
                  <Tag color="red" variant="outlined" style={{ marginInlineEnd: 0 }}>
                    {t('imports.mapping.required')}
                  </Tag>
                )}
                {taken && value !== field.key && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('imports.mapping.takenBy', { heading: taken })}
                  </Typography.Text>
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                {localized(field.hint)}
              </Typography.Text>
            </Flex>
          );
        }}
      />
      {chosen && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {localized(chosen.hint)}
        </Typography.Text>
      )}
    </Flex>
  );
}
