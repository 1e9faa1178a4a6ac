import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { showFormError } from '../../../app/form-errors';
import { todayInChina } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import { useCompleteObligation, type Obligation } from '../hooks/use-obligations';
import { EvidenceUpload } from './evidence-upload';

interface CompleteValues {
  note?: string;
  filedOn?: Dayjs;
}

/** Completing it is a fact of the licence too: its history records the report or the opening. */
const recordedOnLicence = new Set<Obligation['kind']>(['annual-report', 'number-annual-report', 'start-operating']);

/** 完成: what was done and when (today by default), then, once it is done, the evidence. */
export function CompleteObligationModal({ obligation, onClose }: { obligation: Obligation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [form] = Form.useForm<CompleteValues>();
  const complete = useCompleteObligation();
  const [completed, setCompleted] = useState<Obligation | null>(null);
  const today = todayInChina();

  useEffect(() => {
    if (!obligation) return;
    setCompleted(null);
    form.resetFields();
  }, [obligation, form]);

  async function submit(values: CompleteValues) {
    if (!obligation) return;
    try {
      const saved = await complete.mutateAsync({
        id: obligation.id,
        body: { version: obligation.version, ...(values.note?.trim() ? { note: values.note.trim() } : {}), ...(values.filedOn ? { filedOn: values.filedOn.format('YYYY-MM-DD') } : {}) },
      });
      notifySuccess(t('obligations.complete.done'));
      setCompleted(saved);
    } catch (error) {
      showFormError(form, asApiError(error), ['note', 'filedOn']);
    }
  }

  const title = obligation ? t('obligations.complete.title', { title: `${obligation.licenceNumber} ${localized(obligation.title)}` }) : '';
  return (
    <Modal
      open={obligation !== null}
      title={title}
      okText={t('obligations.complete.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={complete.isPending}
      forceRender
      footer={
        completed
          ? [
              <Button key="finish" type="primary" onClick={onClose}>
                {t('obligations.complete.finish')}
              </Button>,
            ]
          : undefined
      }
    >
      {completed ? (
        <>
          <Typography.Paragraph>{t('obligations.complete.evidenceTitle')}</Typography.Paragraph>
          <EvidenceUpload obligationId={completed.id} replacing={false} />
        </>
      ) : (
        <Form<CompleteValues> form={form} layout="vertical" initialValues={{ filedOn: dayjs(today) }} onFinish={(values) => void submit(values)}>
          {obligation && recordedOnLicence.has(obligation.kind) && <Alert type="info" showIcon title={t('obligations.complete.factHint')} style={{ marginBottom: 16 }} />}
          <Form.Item label={t('obligations.complete.note')} name="note">
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('obligations.complete.notePlaceholder')} />
          </Form.Item>
          <Form.Item label={t('obligations.complete.filedOn')} name="filedOn" extra={t('obligations.complete.filedOnHint')}>
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.format('YYYY-MM-DD') > today} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
