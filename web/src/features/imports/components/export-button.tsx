import { Button, Dropdown } from 'antd';
import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { getLanguage } from '../../../app/i18n';
import { exportUrl, type ExportFilters, type ExportFormat, type ExportKind } from '../export-url';

const formats: ExportFormat[] = ['xlsx', 'csv'];

/** 导出: the list with its current filters, every matching row, as Excel or CSV, headings in the UI language. */
export function ExportButton<K extends ExportKind>({ kind, filters }: { kind: K; filters: ExportFilters[K] }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me.user, 'exportLists')) return null;
  // useTranslation re-renders on a language switch, so the links follow the UI language.
  const lang = getLanguage();
  const links = formats.map((format) => ({
    key: format,
    icon: <DownloadOutlined />,
    label: (
      <a href={exportUrl(kind, { format, lang, filters })} download data-testid={`export-${format}`}>
        {t(`exports.${format}`)}
      </a>
    ),
  }));
  return (
    <Dropdown menu={{ items: [{ type: 'group', key: 'formats', label: <span style={{ display: 'block', maxWidth: 220, whiteSpace: 'normal' }}>{t('exports.hint')}</span>, children: links }] }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} data-testid="export-button">
        {t('exports.button')} <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
