import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/components/page-header';

export type CatalogSection = 'services' | 'eligibility' | 'obligations' | 'calendar';

/** The 知识库 sections, each at its own address. */
export const catalogSections: { key: CatalogSection; path: string }[] = [
  { key: 'services', path: '/catalog' },
  { key: 'eligibility', path: '/catalog/eligibility' },
  { key: 'obligations', path: '/catalog/obligations-preview' },
  { key: 'calendar', path: '/catalog/calendar' },
];

/** 知识库 heading and section tabs around one section's content. */
export function CatalogLayout({ section, extra, children }: { section: CatalogSection; extra?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('catalog.title')} subtitle={t('catalog.subtitle')} extra={extra} />
      <Tabs
        activeKey={section}
        onChange={(key) => navigate(catalogSections.find((s) => s.key === key)?.path ?? '/catalog')}
        items={catalogSections.map((s) => ({ key: s.key, label: t(`catalog.sections.${s.key}`) }))}
        style={{ marginBottom: 4 }}
      />
      {children}
    </>
  );
}
