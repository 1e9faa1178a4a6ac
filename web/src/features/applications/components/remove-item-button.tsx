import { Button, Popconfirm, Tooltip } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../app/error-notifier';
import { useRemoveCustomItem } from '../hooks/use-application-materials';

/** Removes an item the agency added; once a file is uploaded for it the item stays (its files keep their history). */
export function RemoveItemButton({ applicationId, itemKey, title, hasFiles }: { applicationId: string; itemKey: string; title: string; hasFiles: boolean }) {
  const { t } = useTranslation();
  const remove = useRemoveCustomItem(applicationId);
  const button = (
    <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={hasFiles} loading={remove.isPending} data-testid="remove-item">
      {t('applications.customItems.remove')}
    </Button>
  );
  if (hasFiles) return <Tooltip title={t('applications.customItems.cannotRemove')}>{button}</Tooltip>;
  return (
    <Popconfirm
      title={t('applications.customItems.removeConfirm', { title })}
      okText={t('applications.customItems.remove')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      // A refusal (409 ITEM_HAS_FILES: someone uploaded meanwhile) is shown by the one error notifier.
      onConfirm={() => remove.mutateAsync(itemKey).then(() => notifySuccess(t('applications.customItems.removed', { title })), () => undefined)}
    >
      {button}
    </Popconfirm>
  );
}
