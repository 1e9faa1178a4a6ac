import { ComingSoon } from '../../app/components/coming-soon';

export function ObligationsPage() {
  return <ComingSoon feature="obligations" />;
}
