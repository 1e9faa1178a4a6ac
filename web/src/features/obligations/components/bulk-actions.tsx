import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/auth-context';
import { notifySuccess } from '../../../app/error-notifier';
import { useLocalized } from '../../../app/localized';
import { useAssignableUsers } from '../../applications/hooks/use-assignable-users';
import { useBulkObligations, type BulkResult, type ObligationBrief } from '../hooks/use-obligations';
import { usePeriodText } from './obligation-title';

type Action = 'assign' | 'complete';

interface BulkActionsProps {
  /** The rows chosen, as they were when chosen: failures are named from them. */
  selected: ObligationBrief[];
  onClear: () => void;
  actions: readonly Action[];
  /** The complete button's words where a plainer one fits (标记已报送 for annual reports). */
  completeLabel?: string;
}

interface Outcome {
  result: BulkResult;
  rows: ObligationBrief[];
}

/** The failures the server named, each by its licence, obligation and client, with the reason. */
function FailuresAlert({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const periodText = usePeriodText();
  const byId = new Map(outcome.rows.map((row) => [row.id, row]));
  return (
    <Alert
      type="warning"
      showIcon
      closable={{ onClose }}
      data-testid="bulk-failures"
      title={t('obligations.bulk.failedTitle', { count: outcome.result.failed.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {outcome.result.failed.map((failure) => {
            const row = byId.get(failure.id);
            const title = row ? `${localized(row.title)} ${periodText(row)}`.trim() : failure.id;
            return <li key={failure.id}>{t('obligations.bulk.failedItem', { licence: row?.licenceNumber ?? '', title, client: row?.clientName ?? '', message: localized(failure.message) })}</li>;
          })}
        </ul>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

/** 批量指派 and 批量完成 over the chosen rows; each succeeds or fails on its own, and failures stay listed by name. */
export function BulkActions({ selected, onClear, actions, completeLabel }: BulkActionsProps) {
  const { t } = useTranslation();
  const me = useMe();
  const { users } = useAssignableUsers();
  const bulk = useBulkObligations();
  const [open, setOpen] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [form] = Form.useForm<{ assigneeId?: string; note?: string }>();
  const count = selected.length;
  const people = users ?? [{ id: me.user.id, name: me.user.name }];

  function run(action: Action, values: { assigneeId?: string; note?: string }) {
    const rows = selected;
    const body = action === 'assign' ? { ids: rows.map((r) => r.id), action, assigneeId: values.assigneeId ?? null } : { ids: rows.map((r) => r.id), action, ...(values.note?.trim() ? { note: values.note.trim() } : {}) };
    bulk.mutate(body, {
      onSuccess: (result) => {
        if (result.changed > 0) notifySuccess(t('obligations.bulk.changed', { count: result.changed }));
        setOutcome(result.failed.length > 0 ? { result, rows } : null);
        setOpen(null);
        form.resetFields();
        onClear();
      },
    });
  }

  return (
    <>
      {outcome && <FailuresAlert outcome={outcome} onClose={() => setOutcome(null)} />}
      {count > 0 && (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 12, padding: '8px 12px', background: '#e6f4ff', borderRadius: 6 }} data-testid="bulk-bar">
          <Typography.Text strong>{t('obligations.bulk.selected', { count })}</Typography.Text>
          {actions.includes('assign') && <Button onClick={() => setOpen('assign')}>{t('obligations.bulk.assign')}</Button>}
          {actions.includes('complete') && (
            <Button type="primary" onClick={() => setOpen('complete')} data-testid="bulk-complete">
              {completeLabel ?? t('obligations.bulk.complete')}
            </Button>
          )}
          <Button type="link" onClick={onClear}>
            {t('obligations.bulk.clear')}
          </Button>
        </Flex>
      )}
      <Modal
        open={open !== null}
        title={open === 'assign' ? t('obligations.bulk.assignTitle', { count }) : t('obligations.bulk.completeTitle', { count })}
        okText={open === 'assign' ? t('obligations.bulk.assign') : (completeLabel ?? t('obligations.bulk.complete'))}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(null)}
        confirmLoading={bulk.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(values) => open && run(open, values)}>
          {open === 'assign' ? (
            <Form.Item label={t('obligations.bulk.assignee')} name="assigneeId" rules={[{ required: true, message: t('obligations.bulk.assigneeRequired') }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={people.map((user) => ({ value: user.id, label: user.name }))} />
            </Form.Item>
          ) : (
            <>
              <Typography.Paragraph type="secondary">{t('obligations.bulk.completeHint')}</Typography.Paragraph>
              <Form.Item label={t('obligations.complete.note')} name="note">
                <Input.TextArea rows={3} maxLength={2000} placeholder={t('obligations.complete.notePlaceholder')} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
