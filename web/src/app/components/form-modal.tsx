import type { ReactNode } from 'react';
import { Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

interface FormModalProps {
  open: boolean;
  title: string;
  okText: string;
  /** The form whose submit the OK button triggers (and which Cancel clears when `resetOnCancel`). */
  form: FormInstance;
  pending: boolean;
  onClose: () => void;
  resetOnCancel?: boolean;
  children: ReactNode;
}

/** A modal around one form: OK submits it, Cancel closes (optionally clearing it), the button spins while saving. */
export function FormModal({ open, title, okText, form, pending, onClose, resetOnCancel = false, children }: FormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        if (resetOnCancel) form.resetFields();
        onClose();
      }}
      confirmLoading={pending}
      // Rendered while closed, so the form instance is always connected.
      forceRender
    >
      {children}
    </Modal>
  );
}
