import { Checkbox, Form, Input } from 'antd';
import type { FormRule as Rule } from 'antd';
import { useTranslation } from 'react-i18next';
import { findUsccFormatProblem, normalizeUscc } from '../uscc-format';

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
