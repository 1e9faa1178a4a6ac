import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { Confidence, Source } from '../hooks/use-catalog';

const kindColors: Record<Source['kind'], string> = { regulation: 'blue', notice: 'cyan', guide: 'purple', practice: 'default' };
const confidenceColors: Record<Confidence, string> = { H: 'green', M: 'gold', L: 'volcano' };

function SourceDetails({ source, confidence }: { source: Source; confidence?: Confidence }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <div style={{ maxWidth: 420 }}>
      <div>
        <strong>{t(`catalog.sourceKinds.${source.kind}`)}</strong>：{source.ref}
      </div>
      {source.note && <div style={{ marginTop: 4, opacity: 0.85 }}>{localized(source.note)}</div>}
      {confidence && <div style={{ marginTop: 4 }}>{t(`catalog.confidenceHint.${confidence}`)}</div>}
      {source.url && (
        <Typography.Link href={source.url} target="_blank" rel="noreferrer" style={{ color: '#91caff' }}>
          {source.url}
        </Typography.Link>
      )}
    </div>
  );
}

/** Where a rule comes from (法规 / 通知 / 指南 / 实务) and how sure we are (高 / 中 / 低); the reference on hover. */
export function SourceTag({ source, confidence }: { source: Source; confidence?: Confidence }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={<SourceDetails source={source} confidence={confidence} />}>
      <Space size={0} data-testid="source-tag" style={{ whiteSpace: 'nowrap', cursor: 'help' }}>
        <Tag color={kindColors[source.kind]} style={{ marginInlineEnd: confidence ? 2 : 0 }}>
          {t(`catalog.sourceKinds.${source.kind}`)}
        </Tag>
        {confidence && (
          <Tag color={confidenceColors[confidence]} style={{ marginInlineEnd: 0 }} aria-label={t(`catalog.confidenceHint.${confidence}`)}>
            {t(`catalog.confidence.${confidence}`)}
          </Tag>
        )}
      </Space>
    </Tooltip>
  );
}
