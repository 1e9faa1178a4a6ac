import { Alert, Button, Descriptions, Drawer, Flex, Popconfirm, Result, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../app/error-notifier';
import { useLocalized } from '../../../app/localized';
import { ProvisionalTag } from '../../calendar/components/provisional-tag';
import { SeverityTag } from '../../catalog/components/level-tag';
import { SourceTag } from '../../catalog/components/source-tag';
import { useObligation, useReopenObligation, type Obligation } from '../hooks/use-obligations';
import { DaysLeftText } from './due-text';
import { ObligationAssignee, ObligationAssigneeControl } from './obligation-assignee-control';
import { ObligationCompletion } from './obligation-completion';
import { ObligationHistory } from './obligation-history';
import { ObligationStatusTag } from './obligation-status-tag';
import { ObligationTitle } from './obligation-title';

interface ObligationDrawerProps {
  /** The obligation shown; null when closed. */
  id: string | null;
  onClose: () => void;
  canWrite: boolean;
  onComplete: (obligation: Obligation) => void;
}

const isOpen = (o: Obligation) => o.status === 'overdue' || o.status === 'due-soon' || o.status === 'upcoming';

/** 完成 for open ones; 重新打开 for what was completed here; for what the licence's history shows done, where to undo it. */
function DrawerActions({ obligation, onComplete }: { obligation: Obligation; onComplete: (obligation: Obligation) => void }) {
  const { t } = useTranslation();
  const reopen = useReopenObligation();
  if (isOpen(obligation)) {
    return (
      <Button type="primary" onClick={() => onComplete(obligation)} data-testid="drawer-complete">
        {t('obligations.actions.complete')}
      </Button>
    );
  }
  if (obligation.status !== 'done') return null;
  if (obligation.doneBy === 'facts') {
    return (
      <Alert
        type="info"
        showIcon
        title={t('obligations.reopen.byFacts')}
        action={<Link to={`/licenses/${obligation.licenceId}`}>{t('obligations.reopen.openLicence', { number: obligation.licenceNumber })}</Link>}
      />
    );
  }
  return (
    <Popconfirm
      title={t('obligations.reopen.confirm')}
      okText={t('obligations.actions.reopen')}
      cancelText={t('common.cancel')}
      onConfirm={() => reopen.mutate(obligation.id, { onSuccess: () => notifySuccess(t('obligations.reopen.done')) })}
    >
      <Button loading={reopen.isPending} data-testid="drawer-reopen">
        {t('obligations.actions.reopen')}
      </Button>
    </Popconfirm>
  );
}

function DrawerBody({ obligation, history, canWrite, onComplete }: { obligation: Obligation; history: Parameters<typeof ObligationHistory>[0]['entries']; canWrite: boolean; onComplete: (o: Obligation) => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const done = obligation.status === 'done' || obligation.completion !== null;
  return (
    <Flex vertical gap={16} data-testid="obligation-drawer" data-status={obligation.status}>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <ObligationTitle obligation={obligation} />
        </Typography.Title>
        <ObligationStatusTag status={obligation.status} />
      </Flex>
      {obligation.lateNote && <Alert type={obligation.status === 'overdue' ? 'error' : 'warning'} showIcon title={localized(obligation.lateNote)} data-testid="late-note" />}
      {canWrite && (
        <div>
          <DrawerActions obligation={obligation} onComplete={onComplete} />
        </div>
      )}
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('obligations.fields.dueOn')}>
          <Flex gap={8} wrap>
            <Typography.Text strong>{obligation.dueOn}</Typography.Text>
            <DaysLeftText obligation={obligation} />
            {obligation.provisional && <ProvisionalTag reason={null} />}
          </Flex>
        </Descriptions.Item>
        {obligation.windowStart !== obligation.dueOn && <Descriptions.Item label={t('obligations.fields.windowStart')}>{obligation.windowStart}</Descriptions.Item>}
        <Descriptions.Item label={t('obligations.fields.client')}>
          <Link to={`/clients/${obligation.clientId}`}>{obligation.clientName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('obligations.fields.licence')}>
          <Link to={`/licenses/${obligation.licenceId}`}>{obligation.licenceNumber}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('obligations.fields.assignee')}>{canWrite ? <ObligationAssigneeControl obligation={obligation} /> : <ObligationAssignee assignee={obligation.assignee} />}</Descriptions.Item>
        <Descriptions.Item label={t('obligations.fields.basis')}>{localized(obligation.basis)}</Descriptions.Item>
        <Descriptions.Item label={t('obligations.fields.consequence')}>
          <Flex vertical gap={4} align="flex-start">
            <SeverityTag severity={obligation.severity} labelled />
            <span>{localized(obligation.consequence)}</span>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('obligations.fields.source')}>
          <Flex gap={8} align="center" wrap>
            <SourceTag source={obligation.source} confidence={obligation.confidence} />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {obligation.source.ref}
            </Typography.Text>
          </Flex>
        </Descriptions.Item>
      </Descriptions>
      {done && (
        <section>
          <Typography.Title level={5}>{t('obligations.drawer.completion')}</Typography.Title>
          <ObligationCompletion obligation={obligation} canWrite={canWrite} />
        </section>
      )}
      <section>
        <Typography.Title level={5}>{t('obligations.drawer.history')}</Typography.Title>
        <ObligationHistory entries={history} />
      </section>
    </Flex>
  );
}

/** One obligation beside its list: what it is, why, what happens if missed, where it stands and what changed. */
export function ObligationDrawer({ id, onClose, canWrite, onComplete }: ObligationDrawerProps) {
  const { t } = useTranslation();
  const query = useObligation(id ?? '');
  let body;
  if (query.data) body = <DrawerBody obligation={query.data.obligation} history={query.data.history} canWrite={canWrite} onComplete={onComplete} />;
  else if (query.isError) body = <Result status="404" title={t('notFound.title')} subTitle={t('obligations.drawer.notFound')} />;
  else body = <Skeleton active paragraph={{ rows: 10 }} />;
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('obligations.drawer.title')} size={640} destroyOnHidden>
      {body}
    </Drawer>
  );
}
