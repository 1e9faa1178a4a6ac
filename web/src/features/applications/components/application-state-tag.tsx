import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { stateColors } from '../application-flow';
import type { ApplicationState } from '../hooks/use-applications';

/** A state as a coloured tag with its official name (草稿, 准备材料, 待补正 …). */
export function ApplicationStateTag({ state }: { state: ApplicationState }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColors[state]} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`applications.states.${state}`)}
    </Tag>
  );
}
