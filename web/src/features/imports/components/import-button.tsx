import { Button, Tooltip } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import type { ImportKind } from '../hooks/use-imports';
import { importPaths } from '../import-step';

/** 导入: opens the kind's import wizard; only for the agency's staff. */
export function ImportButton({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  if (!can(me.user, 'runImports')) return null;
  return (
    <Tooltip title={t('imports.buttonHint')} placement="bottom">
      <Button icon={<UploadOutlined />} onClick={() => navigate(importPaths[kind].page)} data-testid="import-button">
        {t('imports.button')}
      </Button>
    </Tooltip>
  );
}
