import { Flex, Progress, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupThousands } from '../../../app/format';
import type { ImportJob } from '../hooks/use-imports';

/**
 * How far the server has got with a check or an import, from the polled job. While the total is unknown (the rows are
 * still being read) the rows read so far are shown instead of a percentage.
 */
export function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { done, total } = job.progress;
  const running = job.status === 'running';
  const known = total > 0;
  // The known total counts steps (each row read, then each written), not rows: so a percentage, never "n / total rows".
  const percent = known ? Math.min(99, Math.floor((done / total) * 100)) : 0;
  const text = known ? `${percent}%` : t('imports.progress.rowsRead', { done: groupThousands(done) });
  return (
    <Flex vertical gap={4} data-testid="import-progress" data-status={job.status} role="status">
      <Flex align="center" gap={8}>
        <Spin size="small" />
        <Typography.Text strong>{t(running ? 'imports.progress.running' : 'imports.progress.checking')}</Typography.Text>
      </Flex>
      <Progress
        percent={percent}
        status="active"
        format={() => text}
        aria-label={text}
        style={{ maxWidth: 640 }}
      />
      {running && <Typography.Text type="secondary">{t('imports.progress.leaveHint')}</Typography.Text>}
    </Flex>
  );
}
