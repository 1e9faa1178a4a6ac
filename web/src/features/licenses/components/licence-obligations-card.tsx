import { useState } from 'react';
import { Card, Empty, Flex, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { CompleteObligationModal } from '../../obligations/components/complete-obligation-modal';
import { ObligationDrawer } from '../../obligations/components/obligation-drawer';
import { ObligationsTable } from '../../obligations/components/obligations-table';
import type { Obligation } from '../../obligations/hooks/use-obligations';
import { useLicenceObligations } from '../hooks/use-licences';

/** The licence's obligations as stored, soonest due first: completed, reopened and assigned here or in their details. */
export function LicenceObligationsCard({ licenceId }: { licenceId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = can(me.user, 'writeObligations');
  const [params, setParams] = useSearchParams();
  const [completing, setCompleting] = useState<Obligation | null>(null);
  const obligations = useLicenceObligations(licenceId);
  const focus = params.get('focus');

  function setFocus(id: string | null) {
    const next = new URLSearchParams(params);
    if (id) next.set('focus', id);
    else next.delete('focus');
    setParams(next, { replace: true });
  }

  return (
    <Card
      style={{ marginTop: 16 }}
      title={t('licences.obligationsTitle')}
      extra={<Link to={`/obligations?licenceId=${licenceId}`}>{t('licences.obligationsInList')}</Link>}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('licences.obligationsHint')}</Typography.Text>
        <ObligationsTable
          items={obligations.data}
          loading={obligations.isFetching}
          empty={obligations.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licences.obligationsEmpty')} />}
          pagination={false}
          hide={me.user.role === 'client' ? ['client', 'licence', 'assignee'] : ['client', 'licence']}
          canWrite={canWrite}
          onOpen={(o) => setFocus(o.id)}
          onComplete={setCompleting}
        />
      </Flex>
      <ObligationDrawer id={focus} onClose={() => setFocus(null)} canWrite={canWrite} onComplete={setCompleting} />
      {canWrite && <CompleteObligationModal obligation={completing} onClose={() => setCompleting(null)} />}
    </Card>
  );
}
