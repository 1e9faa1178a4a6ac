import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarFeedCreated } from './use-calendar-feeds';

/** The new feed's address, shown this once, with a copy button and where to paste it. */
export function FeedAddress({ feed, onDone }: { feed: CalendarFeedCreated; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="feed-created"
      title={`${t('calendarFeeds.createdTitle')} · ${t(`calendarFeeds.scopes.${feed.scope}`)}`}
      description={
        <Flex vertical gap={8}>
          <Typography.Text>{t('calendarFeeds.createdText')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: feed.url, tooltips: [t('common.copy'), t('common.copied')] }}
            data-testid="feed-url"
            style={{ fontFamily: 'monospace', padding: '8px 12px', background: 'rgba(0,0,0,0.04)', borderRadius: 6, wordBreak: 'break-all', marginBottom: 0 }}
          >
            {feed.url}
          </Typography.Paragraph>
          <Typography.Text strong>{t('calendarFeeds.howTo')}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>{t('calendarFeeds.howOutlook')}</li>
            <li>{t('calendarFeeds.howApple')}</li>
            <li>{t('calendarFeeds.howGoogle')}</li>
          </ul>
          <div>
            <Button type="primary" size="small" onClick={onDone}>
              {t('calendarFeeds.copiedIt')}
            </Button>
          </div>
        </Flex>
      }
    />
  );
}
