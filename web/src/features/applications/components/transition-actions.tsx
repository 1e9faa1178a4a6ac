import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { moveEmphasis, moveKind } from '../application-flow';
import type { Application, ApplicationState } from '../hooks/use-applications';
import type { MaterialItem } from '../hooks/use-application-materials';
import { TransitionModal } from './transition-modal';

interface TransitionActionsProps {
  application: Application;
  materials: MaterialItem[] | undefined;
  canWrite: boolean;
}

/** One button per move the server offers (`nextStates`), forward moves first; each opens its small form. */
export function TransitionActions({ application, materials, canWrite }: TransitionActionsProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<ApplicationState | null>(null);
  const { state, nextStates } = application;

  if (!canWrite) return <Typography.Text type="secondary">{t('applications.moves.clientHint')}</Typography.Text>;
  if (nextStates.length === 0) {
    const ended = state === 'issued' || state === 'rejected' || state === 'withdrawn';
    return <Typography.Text type="secondary">{ended ? t('applications.moves.ended', { state: t(`applications.states.${state}`) }) : t('applications.moves.none')}</Typography.Text>;
  }

  const order = { primary: 0, default: 1, danger: 2 } as const;
  const moves = nextStates
    .map((to) => ({ to, kind: moveKind(state, to) }))
    .map((move) => ({ ...move, emphasis: moveEmphasis(move.kind) }))
    .sort((a, b) => order[a.emphasis] - order[b.emphasis]);

  return (
    <>
      <Flex gap={8} wrap data-testid="transition-actions">
        {moves.map(({ to, kind, emphasis }) => (
          <Button key={to} type={emphasis === 'primary' ? 'primary' : 'default'} danger={emphasis === 'danger'} onClick={() => setTarget(to)} data-to={to}>
            {t(`applications.moves.labels.${kind}`, { state: t(`applications.states.${application.heldFrom ?? state}`) })}
          </Button>
        ))}
      </Flex>
      <TransitionModal application={application} to={target} materials={materials} onClose={() => setTarget(null)} />
    </>
  );
}
