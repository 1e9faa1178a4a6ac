import { useEffect, useState } from 'react';
import { Button, Checkbox, Flex, Form, Input } from 'antd';
import type { FormRule as Rule } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { findUsccFormatProblem, normalizeUscc } from '../uscc-format';
import { useUsccCheck } from '../hooks/use-uscc-check';
import { UsccPartialReading, UsccParts } from './uscc-parsed';

/** The typed code once it has a plausible shape, after a short pause in typing. */
function useCheckableUscc(): string | null {
  const value = Form.useWatch<string | undefined>('uscc');
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    const candidate = value && !findUsccFormatProblem(value) ? value : null;
    const timer = window.setTimeout(() => setSettled(candidate), 300);
    return () => window.clearTimeout(timer);
  }, [value]);
  return settled;
}

/** While typing: what the code says (province, department, category), and a one-click fill of the province. */
function LiveUsccHint({ quiet }: { quiet: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const form = Form.useFormInstance();
  const province = Form.useWatch<string | null | undefined>('province');
  const uscc = useCheckableUscc();
  const { data } = useUsccCheck(uscc);
  if (!uscc || !data || data.normalized !== uscc) return null;
  // The server's refusal is shown on the field already when quiet; the partial reading still helps.
  if (!data.valid || !data.parsed) return quiet && !data.parsed ? null : <UsccPartialReading check={data} showReason={!quiet} />;
  const parsedProvince = data.parsed.province;
  return (
    <Flex gap={8} align="center" wrap data-testid="uscc-parsed">
      <UsccParts parsed={data.parsed} />
      {parsedProvince && parsedProvince.code !== province && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => form.setFieldValue('province', parsedProvince.code)}>
          {t('clients.usccParsed.useProvince', { name: localized(parsedProvince) })}
        </Button>
      )}
    </Flex>
  );
}

interface UsccFieldProps {
  /** The server's reason when it refused the code (422 USCC_CHECK_FAILED); null when none. */
  serverIssue: string | null;
  override: boolean;
  onOverrideChange: (checked: boolean) => void;
}

/** The credit code input, with the server's refusal beside it and the "save anyway" confirmation. */
export function UsccField({ serverIssue, override, onOverrideChange }: UsccFieldProps) {
  const { t } = useTranslation();

  const formatRule: Rule = {
    validator: async (_rule, value: string | undefined) => {
      if (!value) return;
      const problem = findUsccFormatProblem(value);
      if (problem?.kind === 'charset') {
        const message = t('clients.validation.usccCharset', { chars: problem.chars.join(' ') });
        const hint = problem.suggestions.length ? t('clients.validation.usccLookalike', { pairs: problem.suggestions.join(' ') }) : '';
        throw new Error(`${message}${hint}`);
      }
      if (problem?.kind === 'length') throw new Error(t('clients.validation.usccLength', { count: problem.count }));
    },
  };

  const serverStatus = serverIssue ? { validateStatus: override ? ('warning' as const) : ('error' as const), help: serverIssue } : {};

  return (
    <>
      <Form.Item
        label={t('clients.fields.uscc')}
        name="uscc"
        normalize={normalizeUscc}
        rules={[{ required: true, message: t('clients.validation.usccRequired') }, formatRule]}
        validateFirst
        extra={<LiveUsccHint quiet={Boolean(serverIssue)} />}
        {...serverStatus}
      >
        <Input placeholder={t('clients.placeholders.uscc')} autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      {serverIssue && (
        <Form.Item
          style={{ marginTop: -8 }}
          extra={override ? t('clients.usccOverrideHint') : undefined}
        >
          <Checkbox checked={override} onChange={(event) => onOverrideChange(event.target.checked)} data-testid="uscc-override">
            {t('clients.usccOverride')}
          </Checkbox>
        </Form.Item>
      )}
    </>
  );
}
