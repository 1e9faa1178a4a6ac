import { ComingSoon } from '../../app/components/coming-soon';

export function CatalogPage() {
  return <ComingSoon feature="catalog" />;
}
