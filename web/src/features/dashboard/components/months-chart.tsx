import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useReducedMotion } from '../../../app/use-reduced-motion';
import type { DashboardSummary } from '../use-dashboard-summary';
import { obligationKinds } from '../../obligations/obligation-filters';

// Only what a stacked bar chart needs, so the rest of chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const kindColors: Record<(typeof obligationKinds)[number], string> = {
  'annual-report': '#1677ff',
  'number-annual-report': '#13c2c2',
  'start-operating': '#52c41a',
  renewal: '#fa8c16',
  expiry: '#f5222d',
  'registration-change': '#722ed1',
  'approval-change': '#eb2f96',
  'provincial-filing': '#faad14',
};

type Month = DashboardSummary['months'][number];

/** The open obligations falling due in each of the next 12 months, stacked by the rule they come from. */
export function MonthsChart({ months }: { months: Month[] }) {
  const { t } = useTranslation();
  const reducedMotion = useReducedMotion();
  // Month names in the UI language (dayjs follows it); the year under the first month and under each January.
  const labels = months.map((m, i) => {
    const first = dayjs(`${m.month}-01`);
    return i === 0 || first.month() === 0 ? [first.format('MMM'), first.format('YYYY')] : first.format('MMM');
  });
  const datasets = obligationKinds
    .filter((kind) => months.some((m) => (m.byKind[kind] ?? 0) > 0))
    .map((kind) => ({ label: t(`obligations.kinds.${kind}`), data: months.map((m) => m.byKind[kind] ?? 0), backgroundColor: kindColors[kind], stack: 'due', maxBarThickness: 36 }));
  const summary = months.map((m) => `${m.month} ${m.total}`).join(', ');
  return (
    <div style={{ position: 'relative', height: 280 }}>
      <Bar
        role="img"
        aria-label={t('dashboard.months.aria', { summary })}
        data={{ labels, datasets }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          animation: reducedMotion ? false : undefined,
          scales: { x: { stacked: true, grid: { display: false }, ticks: { maxRotation: 0 } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
          plugins: {
            legend: { position: 'bottom' },
            tooltip: {
              callbacks: {
                title: (items) => months[items[0]?.dataIndex ?? 0]?.month ?? '',
                footer: (items) => t('dashboard.months.total', { count: months[items[0]?.dataIndex ?? 0]?.total ?? 0 }),
              },
            },
          },
        }}
      />
    </div>
  );
}
