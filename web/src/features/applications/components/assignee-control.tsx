import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/auth-context';
import { notifyError, notifySuccess } from '../../../app/error-notifier';
import { useAssignableUsers } from '../hooks/use-assignable-users';
import { useUpdateApplication, type Application } from '../hooks/use-applications';
import { AssigneeText } from './assignee-text';

/** The assignee, changeable by staff from the organisation's staff; if that list cannot load, they may take it themselves. */
export function AssigneeControl({ application }: { application: Pick<Application, 'id' | 'assigneeId' | 'version'> }) {
  const { t } = useTranslation();
  const me = useMe();
  const { users, isPending } = useAssignableUsers();
  const update = useUpdateApplication(application.id);

  async function assign(assigneeId: string | null) {
    try {
      await update.mutateAsync({ version: application.version, assigneeId });
      notifySuccess(t('applications.facts.assigneeSaved'));
    } catch (error) {
      notifyError(error);
    }
  }

  if (users !== null) {
    return (
      <Select
        size="small"
        style={{ minWidth: 180 }}
        aria-label={t('applications.facts.editAssignee')}
        value={application.assigneeId ?? undefined}
        placeholder={t('applications.unassigned')}
        allowClear
        loading={isPending || update.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        options={users.map((user) => ({ value: user.id, label: user.name }))}
        onChange={(value: string | undefined) => void assign(value ?? null)}
      />
    );
  }
  return (
    <Flex gap={8} align="center" wrap>
      <AssigneeText assigneeId={application.assigneeId} />
      {application.assigneeId !== me.user.id && (
        <Button size="small" type="link" loading={update.isPending} onClick={() => void assign(me.user.id)} style={{ paddingInline: 0 }}>
          {t('applications.facts.assignToMe')}
        </Button>
      )}
    </Flex>
  );
}
