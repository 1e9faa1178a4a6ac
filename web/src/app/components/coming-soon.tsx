import { Card, Result, Tag } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './page-header';

type Feature = 'obligations';

/** A page whose feature is planned: says what will be here, never a blank page. */
export function ComingSoon({ feature }: { feature: Feature }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`comingSoon.${feature}.title`)} />
      <Card>
        <Result
          icon={<ClockCircleOutlined />}
          title={<Tag color="default">{t('comingSoon.notYet')}</Tag>}
          subTitle={<div style={{ maxWidth: 560, margin: '0 auto', fontSize: 15 }}>{t(`comingSoon.${feature}.description`)}</div>}
        />
      </Card>
    </>
  );
}
