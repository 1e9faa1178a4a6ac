import { useState } from 'react';
import { Descriptions, Flex, Segmented, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { Authority, CatalogServiceDetail } from '../hooks/use-catalog';
import { SourceTag } from './source-tag';

type ScopeKind = 'in-province' | 'cross-regional';

function AuthorityDescriptions({ authority }: { authority: Authority }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const items = [
    {
      key: 'name',
      label: t('catalog.authority.name'),
      children: (
        <>
          <div data-testid="authority-name">{authority.zh}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {authority.en}
          </Typography.Text>
        </>
      ),
    },
    ...(authority.abbr
      ? [{ key: 'abbr', label: t('catalog.authority.abbr'), children: <><Tag style={{ fontSize: 14 }}>{authority.abbr}</Tag><Typography.Text type="secondary">{t('catalog.authority.abbrHint', { abbr: authority.abbr })}</Typography.Text></> }]
      : []),
    ...(authority.note ? [{ key: 'note', label: t('catalog.authority.note'), children: localized(authority.note) }] : []),
    { key: 'source', label: t('catalog.source'), children: <SourceTag source={authority.source} /> },
  ];
  return <Descriptions bordered size="small" column={1} styles={{ label: { width: 160 } }} items={items} />;
}

/** Who issues the licence: a province's 通信管理局 for in-province scope, MIIT (plus provincial filings) cross-regionally. */
export function ServiceAuthorities({ authorities }: { authorities: CatalogServiceDetail['authorities'] }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const [kind, setKind] = useState<ScopeKind>('in-province');
  const [province, setProvince] = useState<string | undefined>();
  const english = i18n.language === 'en-US';
  const chosen = authorities.inProvince.find((a) => a.scope === province);
  const filing = authorities.crossRegional.provincialFiling;

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Segmented<ScopeKind>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'in-province', label: t('catalog.scopeKinds.in-province') },
            { value: 'cross-regional', label: t('catalog.scopeKinds.cross-regional') },
          ]}
        />
        {kind === 'in-province' && (
          <Select
            value={province}
            onChange={setProvince}
            placeholder={t('catalog.authority.pickProvince')}
            aria-label={t('catalog.authority.pickProvince')}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 320 }}
            options={authorities.inProvince.map((a) => ({ value: a.scope, label: english ? `${a.en} (${a.abbr ?? ''})` : `${a.zh}（${a.abbr ?? ''}）` }))}
          />
        )}
      </Flex>
      {kind === 'in-province' ? (
        chosen ? <AuthorityDescriptions authority={chosen} /> : <Typography.Text type="secondary">{t('catalog.authority.pickProvinceHint')}</Typography.Text>
      ) : (
        <>
          <AuthorityDescriptions authority={authorities.crossRegional.authority} />
          <Descriptions
            title={localized(filing.title)}
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 160 } }}
            items={[
              { key: 'trigger', label: t('catalog.rules.trigger'), children: localized(filing.trigger) },
              { key: 'consequence', label: t('catalog.rules.consequence'), children: localized(filing.consequence) },
              { key: 'source', label: t('catalog.source'), children: <SourceTag source={filing.source} confidence={filing.confidence} /> },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
