import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/auth-context';
import { notifySuccess } from '../../../app/error-notifier';
import { useAssignableUsers } from '../../applications/hooks/use-assignable-users';
import { useAssignObligation, type Obligation } from '../hooks/use-obligations';

/** Who is in charge, by name, or 未指派. */
export function ObligationAssignee({ assignee }: { assignee: Obligation['assignee'] }) {
  const { t } = useTranslation();
  if (!assignee) return <Typography.Text type="secondary">{t('obligations.unassigned')}</Typography.Text>;
  return <>{assignee.name}</>;
}

/** The assignee, changeable from the organisation's staff; if that list cannot load, staff may take it themselves. */
export function ObligationAssigneeControl({ obligation }: { obligation: Pick<Obligation, 'id' | 'assignee' | 'version'> }) {
  const { t } = useTranslation();
  const me = useMe();
  const { users, isPending } = useAssignableUsers();
  const assign = useAssignObligation();

  function change(assigneeId: string | null) {
    assign.mutate(
      { id: obligation.id, assigneeId, version: obligation.version },
      { onSuccess: (saved) => notifySuccess(saved.assignee ? t('obligations.assigned', { name: saved.assignee.name }) : t('obligations.unassignedDone')) },
    );
  }

  if (users !== null) {
    return (
      <Select
        size="small"
        style={{ minWidth: 180 }}
        aria-label={t('obligations.fields.assignee')}
        data-testid="obligation-assignee"
        value={obligation.assignee?.id}
        placeholder={t('obligations.unassigned')}
        allowClear
        loading={isPending || assign.isPending}
        showSearch={{ optionFilterProp: 'label' }}
        options={users.map((user) => ({ value: user.id, label: user.name }))}
        onChange={(value: string | undefined) => change(value ?? null)}
      />
    );
  }
  return (
    <Flex gap={8} align="center" wrap>
      <ObligationAssignee assignee={obligation.assignee} />
      {obligation.assignee?.id !== me.user.id && (
        <Button size="small" type="link" loading={assign.isPending} onClick={() => change(me.user.id)} style={{ paddingInline: 0 }}>
          {t('obligations.assignToMe')}
        </Button>
      )}
    </Flex>
  );
}
