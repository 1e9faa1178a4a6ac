import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../app/format';
import { formatFileSize } from '../file-size';
import { materialFileUrl, type MaterialItem, type MaterialVersion } from '../hooks/use-application-materials';

function VersionLine({ applicationId, itemKey, version }: { applicationId: string; itemKey: string; version: MaterialVersion }) {
  const { t } = useTranslation();
  const who = (name: string | null) => name ?? t('applications.materials.someone');
  return (
    <div data-testid="material-version" data-version={version.version}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text style={{ fontSize: 13 }}>
          {t('applications.materials.versionLine', { version: String(version.version), name: version.fileName, size: formatFileSize(version.size) })}
        </Typography.Text>
        <a href={materialFileUrl({ applicationId, key: itemKey, version: version.version })} download style={{ fontSize: 13 }}>
          <DownloadOutlined /> {t('applications.materials.download')}
        </a>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(version.source === 'generated' ? 'applications.materials.generatedBy' : 'applications.materials.uploadedBy', { name: who(version.uploadedBy), at: formatInstant(version.uploadedAt) })}
        {version.reviewedAt && ` · ${t('applications.materials.reviewedBy', { name: who(version.reviewedBy), at: formatInstant(version.reviewedAt) })}`}
      </Typography.Text>
    </div>
  );
}

/** The latest version with its download link; earlier ones folded away, newest first. */
export function MaterialVersions({ applicationId, item }: { applicationId: string; item: MaterialItem }) {
  const { t } = useTranslation();
  const [showOlder, setShowOlder] = useState(false);
  const latest = item.versions.at(-1);
  if (!latest) return null;
  const older = item.versions.slice(0, -1).reverse();
  return (
    <Flex vertical gap={4} style={{ marginTop: 6 }}>
      <VersionLine applicationId={applicationId} itemKey={item.key} version={latest} />
      {older.length > 0 && (
        <Button type="link" size="small" style={{ paddingInline: 0, alignSelf: 'flex-start', fontSize: 12 }} onClick={() => setShowOlder(!showOlder)}>
          {t('applications.materials.olderVersions', { count: older.length })}
        </Button>
      )}
      {showOlder &&
        older.map((version) => (
          <div key={version.version} style={{ paddingInlineStart: 12, borderInlineStart: '2px solid rgba(0,0,0,0.06)' }}>
            <VersionLine applicationId={applicationId} itemKey={item.key} version={version} />
            {version.review === 'rejected' && version.reviewReason && (
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {t('applications.materials.rejectedReason', { reason: version.reviewReason })}
              </Typography.Text>
            )}
          </div>
        ))}
    </Flex>
  );
}
