import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-error';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { todayInChina } from '../../../app/format';
import { showFormError } from '../../../app/form-errors';
import { fieldsForMove, moveEmphasis, moveKind, type MoveField } from '../application-flow';
import { useTransitionApplication, type Application, type ApplicationState, type TransitionBody } from '../hooks/use-applications';
import type { MaterialItem } from '../hooks/use-application-materials';
import { useScopeAuthority } from '../hooks/use-catalog-names';
import { MoveFields } from './move-fields';

type MoveValues = Partial<Record<MoveField, unknown>> & { note?: string };

const dateFields = new Set<MoveField>(['contractSignedOn', 'submittedOn', 'requestedOn', 'acceptedOn', 'issuedOn', 'expiresOn']);

/** The request body: dates as YYYY-MM-DD, text trimmed, empty optional fields left out. */
function toBody(application: Application, to: ApplicationState, fields: readonly MoveField[], values: MoveValues): TransitionBody {
  const body: Record<string, unknown> = { to, version: application.version };
  for (const field of fields) {
    const value = values[field];
    if (value === undefined || value === null || value === '') continue;
    if (dateFields.has(field)) body[field] = (value as Dayjs).format('YYYY-MM-DD');
    else body[field] = typeof value === 'string' ? value.trim() : value;
  }
  const note = values.note?.trim();
  if (note) body.note = note;
  return body as TransitionBody;
}

interface TransitionModalProps {
  application: Application;
  /** The state to move to; null when closed. */
  to: ApplicationState | null;
  materials: MaterialItem[] | undefined;
  onClose: () => void;
}

/** One move: what it means, the fields it records, and the server's reason right here when its rules refuse it. */
export function TransitionModal({ application, to, materials, onClose }: TransitionModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveValues>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const transition = useTransitionApplication(application.id);
  const authority = useScopeAuthority()(application.scope);
  const target = to ?? application.state;
  const kind = moveKind(application.state, target);
  const fields = fieldsForMove(application.state, target);

  useEffect(() => {
    if (!to) return;
    setRefusal(null);
    form.resetFields();
    // Dates default to today, the usual case; the picker refuses later days.
    const today = dayjs(todayInChina());
    form.setFieldsValue(Object.fromEntries(fieldsForMove(application.state, to).filter((f) => dateFields.has(f) && f !== 'expiresOn').map((f) => [f, today])));
  }, [to, application.state, form]);

  async function submit(values: MoveValues) {
    setRefusal(null);
    try {
      const moved = await transition.mutateAsync(toBody(application, target, fields, values));
      notifySuccess(t('applications.moves.done', { state: t(`applications.states.${moved.state}`) }));
      onClose();
    } catch (error) {
      if (isApiError(error, 'TRANSITION_REFUSED')) setRefusal(error.message);
      else showFormError(form, asApiError(error), fields);
    }
  }

  const title = t(`applications.moves.labels.${kind}`, { state: t(`applications.states.${application.heldFrom ?? application.state}`) });
  return (
    <Modal
      open={to !== null}
      title={title}
      okText={t('applications.moves.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: moveEmphasis(kind) === 'danger' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transition.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t(`applications.moves.hints.${kind}`)}</Typography.Paragraph>
      {refusal && <Alert type="error" showIcon title={t('applications.moves.refusedTitle')} description={refusal} style={{ marginBottom: 16 }} data-testid="transition-refused" />}
      <Form<MoveValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <MoveFields fields={fields} materials={materials} licenceAbbr={application.scope === 'cross-regional' ? null : (authority?.abbr ?? null)} />
        <Form.Item label={t('applications.fields.note')} name="note">
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('applications.placeholders.note')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
