import { ComingSoon } from '../../app/components/coming-soon';

export function LicensesPage() {
  return <ComingSoon feature="licenses" />;
}
