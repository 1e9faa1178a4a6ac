import { useEffect } from 'react';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { showFormError } from '../../../app/form-errors';
import { useLocalized } from '../../../app/localized';
import { useReviewMaterial, type MaterialItem } from '../hooks/use-application-materials';

interface RejectMaterialModalProps {
  applicationId: string;
  /** The item being sent back; null when closed. */
  item: MaterialItem | null;
  onClose: () => void;
}

/** Sending a file back needs a reason, which the client reads beside the item. */
export function RejectMaterialModal({ applicationId, item, onClose }: RejectMaterialModalProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [form] = Form.useForm<{ reason: string }>();
  const review = useReviewMaterial(applicationId);
  const title = localized(item?.title);

  useEffect(() => {
    if (item) form.resetFields();
  }, [item, form]);

  async function submit({ reason }: { reason: string }) {
    if (!item) return;
    try {
      await review.mutateAsync({ key: item.key, body: { decision: 'reject', reason: reason.trim() } });
      notifySuccess(t('applications.materials.rejected', { title }));
      onClose();
    } catch (error) {
      showFormError(form, asApiError(error), ['reason']);
    }
  }

  return (
    <FormModal open={item !== null} title={t('applications.materials.rejectTitle', { title })} okText={t('applications.materials.reject')} form={form} pending={review.isPending} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          label={t('applications.materials.rejectReason')}
          name="reason"
          extra={t('applications.materials.rejectReasonHint')}
          rules={[{ required: true, whitespace: true, message: t('applications.validation.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('applications.materials.rejectReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
