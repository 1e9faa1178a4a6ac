import { Alert, Button, Card, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { AuditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { PageHeader } from '../../../app/components/page-header';
import { asApiError, describeError } from '../../../app/error-notifier';
import { useLocalized } from '../../../app/localized';
import { BackLink } from '../../../app/components/back-link';
import { CriteriaTable } from '../components/criteria-table';
import { MaterialsTable } from '../components/materials-table';
import { RulesTable } from '../components/rules-table';
import { SectionNav } from '../components/section-nav';
import { ServiceAuthorities } from '../components/service-authorities';
import { SourceTag } from '../components/source-tag';
import { StagesTable } from '../components/stages-table';
import { useCatalogService, type CatalogServiceDetail } from '../hooks/use-catalog';

function ServiceLoadState({ query }: { query: ReturnType<typeof useCatalogService> }) {
  const { t } = useTranslation();
  if (query.isPending) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  const missing = asApiError(query.error).status === 404;
  return (
    <Result
      status={missing ? '404' : 'warning'}
      title={missing ? t('catalog.serviceNotFound') : t('errors.pageLoadFailed')}
      subTitle={describeError(query.error)}
      extra={
        missing ? (
          <Link to="/catalog">
            <Button type="primary">{t('catalog.backToServices')}</Button>
          </Link>
        ) : (
          <Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>
        )
      }
    />
  );
}

function OverridesNotice({ detail }: { detail: CatalogServiceDetail }) {
  const me = useMe();
  const { t } = useTranslation();
  if (detail.overriddenKeys.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={t('catalog.overridesApplied', { count: detail.overriddenKeys.length })}
      action={can(me.user.role, 'manageRules') && <Link to="/settings/rules">{t('catalog.manageOverrides')}</Link>}
    />
  );
}

/** One service: authorities, eligibility, materials, process and obligations, each item with its source. */
export function ServicePage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const query = useCatalogService(code);
  const detail = query.data;
  if (!detail) return <><BackLink to="/catalog" /><ServiceLoadState query={query} /></>;

  const { service } = detail;
  const english = i18n.language === 'en-US';
  const required = detail.materials.filter((m) => m.required).length;
  const sections = [
    { id: 'authorities', label: t('catalog.sectionTitles.authorities') },
    { id: 'eligibility', label: t('catalog.sectionTitles.eligibility') },
    { id: 'materials', label: t('catalog.sectionTitles.materials') },
    { id: 'process', label: t('catalog.sectionTitles.process') },
    { id: 'obligations', label: t('catalog.sectionTitles.obligations') },
  ];
  const actions = (
    <>
      <Link to={`/catalog/eligibility?service=${service.code}`}>
        <Button type="primary" icon={<SafetyCertificateOutlined />}>
          {t('catalog.sections.eligibility')}
        </Button>
      </Link>
      <Link to={`/catalog/obligations-preview?service=${service.code}`}>
        <Button icon={<AuditOutlined />}>{t('catalog.sections.obligations')}</Button>
      </Link>
    </>
  );

  return (
    <>
      <BackLink to="/catalog" />
      <PageHeader
        title={`${service.code} ${english ? service.en : service.zh}`}
        tags={
          <>
            <Tag color="blue">{t(`catalog.classes.${service.class}`)}</Tag>
            <SourceTag source={service.source} confidence={service.confidence} />
          </>
        }
        subtitle={english ? service.zh : service.en}
        extra={actions}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Typography.Paragraph style={{ marginBottom: 8 }}>{localized(service.description)}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('catalog.scopeKeywords', { words: service.scopeKeywords.map((w) => (english ? `"${w}"` : `“${w}”`)).join(english ? ', ' : '、') })}
          </Typography.Text>
          <div style={{ marginTop: 8 }}>
            <SectionNav sections={sections} />
          </div>
        </Card>
        <OverridesNotice detail={detail} />
        <Card id="authorities" title={t('catalog.sectionTitles.authorities')}>
          <ServiceAuthorities authorities={detail.authorities} />
        </Card>
        <Card id="eligibility" title={t('catalog.sectionTitles.eligibility')} extra={<Link to={`/catalog/eligibility?service=${service.code}`}>{t('catalog.runSelfCheck')}</Link>}>
          <CriteriaTable criteria={detail.eligibility} />
        </Card>
        <Card id="materials" title={t('catalog.materials.count', { total: String(detail.materials.length), required: String(required) })}>
          <MaterialsTable materials={detail.materials} />
        </Card>
        <Card id="process" title={t('catalog.sectionTitles.process')}>
          <StagesTable stages={detail.processStages} />
        </Card>
        <Card id="obligations" title={t('catalog.sectionTitles.obligations')} extra={<Link to={`/catalog/obligations-preview?service=${service.code}`}>{t('catalog.previewObligations')}</Link>}>
          <RulesTable rules={detail.obligationRules} />
        </Card>
      </Flex>
    </>
  );
}
