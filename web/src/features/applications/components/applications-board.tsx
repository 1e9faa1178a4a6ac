import { Badge, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../app/format';
import { applicationStates } from '../application-flow';
import { useApplicationList, type Application, type ApplicationListQuery, type ApplicationState } from '../hooks/use-applications';
import { useScopeName } from '../hooks/use-catalog-names';
import { ApplicationStateTag } from './application-state-tag';
import { DueDateText } from './due-date-text';
import { AssigneeText } from './assignee-text';

/** Cards shown per column; the rest are a link to the list filtered to that state. */
const cardsPerColumn = 30;

interface BoardProps {
  /** The other filters (client, assignee); each column adds its state. */
  query: Omit<ApplicationListQuery, 'state' | 'page' | 'pageSize' | 'cursor'>;
  hideAssignee: boolean;
  onShowState: (state: ApplicationState) => void;
}

function BoardCard({ application, hideAssignee }: { application: Application; hideAssignee: boolean }) {
  const scopeName = useScopeName();
  return (
    <Card size="small" data-testid="board-card" styles={{ body: { padding: '8px 12px' } }}>
      <Link to={`/applications/${application.id}`} style={{ fontWeight: 500, display: 'block' }}>
        {application.clientName}
      </Link>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {application.serviceCode} · {scopeName(application.scope)}
        </Typography.Text>
        <DueDateText application={application} compact />
      </Flex>
      <Flex justify="space-between" gap={8} style={{ fontSize: 12, marginTop: 4 }}>
        {!hideAssignee && (
          <Typography.Text style={{ fontSize: 12 }} ellipsis>
            <AssigneeText assigneeId={application.assigneeId} />
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {formatInstant(application.updatedAt)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function BoardColumn({ state, query, hideAssignee, onShowState }: BoardProps & { state: ApplicationState }) {
  const { t } = useTranslation();
  const { data, isPending } = useApplicationList({ ...query, state, page: 1, pageSize: cardsPerColumn });
  const more = data ? data.total - data.items.length : 0;
  return (
    <div data-testid={`board-column-${state}`} style={{ flex: '0 0 228px', background: 'rgba(0,0,0,0.03)', borderRadius: 8, padding: 8 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8, paddingInline: 4 }}>
        <ApplicationStateTag state={state} />
        <Badge count={data?.total ?? 0} showZero color={data?.total ? '#1677ff' : '#bfbfbf'} overflowCount={9999} />
      </Flex>
      <Flex vertical gap={8}>
        {isPending && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
        {data?.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.boardEmpty')} style={{ margin: '8px 0' }} />}
        {data?.items.map((application) => (
          <BoardCard key={application.id} application={application} hideAssignee={hideAssignee} />
        ))}
        {more > 0 && (
          <Typography.Link onClick={() => onShowState(state)} style={{ fontSize: 12, paddingInline: 4 }}>
            {t('applications.boardMore', { count: more })}
          </Typography.Link>
        )}
      </Flex>
    </div>
  );
}

/** Applications grouped by state, one column per state in the guide's order, each counted by the server. */
export function ApplicationsBoard(props: BoardProps) {
  return (
    <div style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="applications-board">
      <Flex gap={12} align="flex-start" style={{ minWidth: 'min-content' }}>
        {applicationStates.map((state) => (
          <BoardColumn key={state} state={state} {...props} />
        ))}
      </Flex>
    </div>
  );
}
