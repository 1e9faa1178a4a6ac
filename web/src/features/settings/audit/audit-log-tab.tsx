import { useState } from 'react';
import { Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateCode } from '../../../app/i18n';
import { AuditTable } from '../../audit/audit-table';

/** Entity types offered in the filter; entries of other types still show under "all". */
const entityTypes = ['client', 'user', 'api-token', 'organisation'];

export function AuditLogTab() {
  const { t } = useTranslation();
  const [entityType, setEntityType] = useState('');

  return (
    <>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('settings.audit.intro')}</Typography.Text>
        <Select
          style={{ width: 200 }}
          aria-label={t('settings.audit.entityFilter')}
          prefix={`${t('settings.audit.entityFilter')}:`}
          value={entityType}
          onChange={setEntityType}
          options={[{ value: '', label: t('settings.audit.allEntities') }, ...entityTypes.map((type) => ({ value: type, label: translateCode('audit.entityTypes', type) }))]}
        />
      </Flex>
      <AuditTable key={entityType} entityType={entityType || undefined} showEntity />
    </>
  );
}
