import { Steps } from 'antd';
import { PauseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentStep, guideSteps, type GuideStep } from '../application-flow';
import type { Application } from '../hooks/use-applications';

interface ApplicationStepsProps {
  application: Application;
  /** For a rejected or withdrawn application: the state it ended from, from the activity feed. */
  endedFrom: string | null;
}

/** The guide's five steps across the top: done, current (its state beneath), or still to come. */
export function ApplicationSteps({ application, endedFrom }: ApplicationStepsProps) {
  const { t } = useTranslation();
  const current = currentStep(application, endedFrom);
  const { state } = application;
  const ended = state === 'rejected' || state === 'withdrawn';
  const paused = state === 'on_hold';
  const status = state === 'issued' ? 'finish' : ended ? 'error' : 'process';
  // The dates recorded on each step, shown under its title.
  const dates: Record<GuideStep, string | null> = {
    contract: application.contractSignedOn && t('applications.steps.contractOn', { date: application.contractSignedOn }),
    materials: null,
    drafting: application.submittedOn && t('applications.steps.submittedOn', { date: application.submittedOn }),
    review: application.acceptedOn && t('applications.steps.acceptedOn', { date: application.acceptedOn }),
    licence: application.issuedOn && t('applications.steps.issuedOn', { date: application.issuedOn }),
  };

  // Under the current step, the state when the step alone does not say it: step 4's three states, a pause, an end.
  const saysState = current === 3 || paused || ended;

  const items = guideSteps.map((step, index) => {
    const isCurrent = index === current && state !== 'issued';
    const lines = [dates[step], isCurrent && saysState ? t(`applications.states.${state}`) : null].filter((line): line is string => Boolean(line));
    return {
      key: step,
      title: t(`applications.steps.${step}`),
      content: lines.length > 0 ? lines.map((line) => <div key={line}>{line}</div>) : undefined,
      ...(isCurrent && paused ? { icon: <PauseCircleOutlined style={{ color: '#faad14', fontSize: 28 }} /> } : {}),
    };
  });

  return (
    <div data-testid="application-steps" data-current-step={current + 1} data-step-status={paused ? 'paused' : status}>
      <Steps current={current} status={status} items={items} />
    </div>
  );
}
