import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** 阻断 (failing it makes the company ineligible) or 提醒 (a recommendation). */
export function LevelTag({ level }: { level: 'block' | 'warn' }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`catalog.levelHint.${level}`)}>
      <Tag color={level === 'block' ? 'red' : 'orange'}>{t(`catalog.levels.${level}`)}</Tag>
    </Tooltip>
  );
}

/** 高 / 中 / 低; `labelled` spells out 重要程度 where no column header says it. */
export function SeverityTag({ severity, labelled = false }: { severity: 'high' | 'medium' | 'low'; labelled?: boolean }) {
  const { t } = useTranslation();
  const colors = { high: 'red', medium: 'orange', low: 'default' } as const;
  const text = t(`catalog.severity.${severity}`);
  return <Tag color={colors[severity]}>{labelled ? t('catalog.severityLabelled', { level: text }) : text}</Tag>;
}
