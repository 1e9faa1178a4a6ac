import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function BackLink({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to}>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
        {t('common.back')}
      </Button>
    </Link>
  );
}
