import { Button, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import type { MaterialItem } from '../hooks/use-application-materials';
import type { useApplicationActivity } from '../hooks/use-application-activity';
import { useScopeName, useServiceName } from '../hooks/use-catalog-names';
import { describeEvent, eventColor } from './activity-text';

interface ActivityFeedProps {
  activity: ReturnType<typeof useApplicationActivity>;
  materials: MaterialItem[] | undefined;
}

/** Who did what and when, newest first, in the reader's language. */
export function ActivityFeed({ activity, materials }: ActivityFeedProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const serviceName = useServiceName();
  const scopeName = useScopeName();
  const itemTitle = (key: string) => localized(materials?.find((m) => m.key === key)?.title) || key;
  if (activity.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  const events = activity.data?.pages.flatMap((page) => page.items) ?? [];
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.activity.empty')} />;

  const items = events.map((event) => {
    const { headline, lines, reason } = describeEvent(event, { t, itemTitle, serviceName, scopeName });
    return {
      key: event.id,
      color: eventColor(event),
      content: (
        <div data-testid="activity-event" data-kind={event.kind}>
          <div>{headline}</div>
          {lines.map((line) => (
            <Typography.Text key={line} type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {line}
            </Typography.Text>
          ))}
          {reason && (
            <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
              {reason}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatInstant(event.at)}
          </Typography.Text>
        </div>
      ),
    };
  });

  return (
    <>
      <Timeline items={items} />
      {activity.hasNextPage && (
        <Button block onClick={() => void activity.fetchNextPage()} loading={activity.isFetchingNextPage}>
          {t('applications.activity.loadMore')}
        </Button>
      )}
    </>
  );
}
