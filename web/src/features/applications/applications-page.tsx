import { ComingSoon } from '../../app/components/coming-soon';

export function ApplicationsPage() {
  return <ComingSoon feature="applications" />;
}
