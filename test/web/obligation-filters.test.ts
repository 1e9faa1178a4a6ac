import { describe, expect, it } from 'vitest';
import { obligationKinds as apiKinds, obligationStatuses as apiStatuses } from '../../src/modules/obligations/schemas.ts';
import { clearedFilters, hasActiveFilters, obligationKinds, obligationSearch, obligationStatuses, periodOf, readObligationFilters } from '../../web/src/features/obligations/obligation-filters.ts';

const read = (search: string) => readObligationFilters(new URLSearchParams(search));

describe('the 合规事项 list’s filters, as its address carries them', () => {
  it('offers every status and rule kind the API filters by, and no other', () => {
    expect([...obligationStatuses].sort()).toEqual([...apiStatuses].sort());
    expect([...obligationKinds].sort()).toEqual([...apiKinds].sort());
  });

  it('reads the dashboard’s links: overdue, and due soon within 14 days', () => {
    expect(read('status=overdue')).toMatchObject({ status: 'overdue', dueWithinDays: 0, page: 1, pageSize: 20 });
    expect(read('status=due-soon&dueWithinDays=14')).toMatchObject({ status: 'due-soon', dueWithinDays: 14 });
    expect(read('kind=annual-report&assigneeId=me&licenceId=L1')).toMatchObject({ kind: 'annual-report', assignee: 'me', licenceId: 'L1' });
  });

  it('reads anything malformed as no filter, and a window past ten years as ten years', () => {
    expect(read('status=late&kind=tax&dueWithinDays=-3&page=0&pageSize=x')).toMatchObject({ status: '', kind: '', dueWithinDays: 0, page: 1, pageSize: 20 });
    expect(read('dueWithinDays=99999').dueWithinDays).toBe(3660);
    expect(hasActiveFilters(read(''))).toBe(false);
  });

  it('writes only what differs from the defaults, with the open obligation as focus, and reads it back the same', () => {
    const filters = { ...read(''), status: 'due-soon' as const, dueWithinDays: 30, assignee: 'none', page: 3 };
    const search = obligationSearch(filters, 'abc');
    expect(search.toString()).toBe('status=due-soon&dueWithinDays=30&assigneeId=none&page=3&focus=abc');
    expect(readObligationFilters(search)).toEqual(filters);
    expect(obligationSearch({ ...filters, ...clearedFilters, page: 1 }, null).toString()).toBe('');
  });
});

describe('the period an obligation is for', () => {
  it('names the year a yearly report is filed in, the change and its date, the service or province, or nothing', () => {
    expect(periodOf({ key: 'annual-report:2027', kind: 'annual-report' })).toEqual({ year: '2027' });
    expect(periodOf({ key: 'number-annual-report:2026', kind: 'number-annual-report' })).toEqual({ year: '2026' });
    expect(periodOf({ key: 'start-operating:B24-1', kind: 'start-operating' })).toEqual({ text: 'B24-1' });
    expect(periodOf({ key: 'registration-change:name:2026-05-01#2', kind: 'registration-change' })).toEqual({ change: 'name', on: '2026-05-01' });
    expect(periodOf({ key: 'approval-change:merger-split:2026-05-01', kind: 'approval-change' })).toEqual({ change: 'merger-split', on: '2026-05-01' });
    expect(periodOf({ key: 'provincial-filing:GD', kind: 'provincial-filing' })).toEqual({ text: 'GD' });
    expect(periodOf({ key: 'renewal', kind: 'renewal' })).toBeNull();
  });
});
