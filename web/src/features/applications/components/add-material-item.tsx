import { useState } from 'react';
import { Button, Checkbox, Form, Input } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { showFormError } from '../../../app/form-errors';
import { useAddCustomItem } from '../hooks/use-application-materials';

interface CustomItemValues {
  title: string;
  hint?: string;
  required: boolean;
}

/** 添加材料项: an item of the agency's own (a landlord's consent, a translation …) at the end of the checklist. */
export function AddMaterialItem({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CustomItemValues>();
  const add = useAddCustomItem(applicationId);

  async function submit(values: CustomItemValues) {
    const title = values.title.trim();
    try {
      await add.mutateAsync({ title, hint: values.hint?.trim() || undefined, required: values.required });
      notifySuccess(t('applications.customItems.added', { title }));
      form.resetFields();
      setOpen(false);
    } catch (error) {
      showFormError(form, asApiError(error), ['title', 'hint', 'required']);
    }
  }

  return (
    <>
      <Button type="dashed" block icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginTop: 12 }}>
        {t('applications.customItems.add')}
      </Button>
      <FormModal open={open} title={t('applications.customItems.addTitle')} okText={t('applications.customItems.addOk')} form={form} pending={add.isPending} onClose={() => setOpen(false)} resetOnCancel>
        <Form<CustomItemValues> form={form} layout="vertical" initialValues={{ required: true }} onFinish={(values) => void submit(values)}>
          <Form.Item label={t('applications.customItems.title')} name="title" rules={[{ required: true, whitespace: true, message: t('applications.customItems.titleRequired') }]}>
            <Input maxLength={100} placeholder={t('applications.customItems.titlePlaceholder')} />
          </Form.Item>
          <Form.Item label={t('applications.customItems.hint')} name="hint">
            <Input.TextArea rows={2} maxLength={500} placeholder={t('applications.customItems.hintPlaceholder')} />
          </Form.Item>
          <Form.Item name="required" valuePropName="checked" extra={t('applications.customItems.requiredHint')}>
            <Checkbox>{t('applications.customItems.required')}</Checkbox>
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
