import { useSearchParams } from 'react-router';
import { obligationSearch, readObligationFilters, type ObligationFilters } from '../obligation-filters';

/**
 * The list's filters live in the URL, so a link (the dashboard's cards, a reminder) opens the list as it was meant;
 * `focus` names the obligation whose details are open.
 */
export function useObligationFilters() {
  const [params, setParams] = useSearchParams();
  const filters = readObligationFilters(params);
  const focus = params.get('focus');

  /** Any filter change starts again from page 1. */
  function update(change: Partial<ObligationFilters>) {
    setParams(obligationSearch({ ...filters, ...change, page: change.page ?? 1 }, focus), { replace: true });
  }

  /** Opens (or, with null, closes) an obligation's details; the list stays as it is. */
  function setFocus(id: string | null) {
    setParams(obligationSearch(filters, id), { replace: true });
  }

  return { filters, update, focus, setFocus };
}
