import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiQuery, type ApiResult } from '../../app/api';

export type CalendarDay = ApiResult<'get', '/api/calendar/days'>['items'][number];
export type DayKind = CalendarDay['kind'];
export type CalendarYears = ApiResult<'get', '/api/calendar/years'>;
export type CalendarYear = CalendarYears['years'][number];
export type AddDaysQuery = ApiQuery<'get', '/api/calendar/add'>;
export type AddDaysResult = ApiResult<'get', '/api/calendar/add'>;
export type CalendarLoadBody = ApiBody<'post', '/api/calendar/years'>;

/** The most days one /api/calendar/days request may cover (the server's limit). */
export const maxDaysPerRequest = 400;

export const calendarKeys = {
  all: ['calendar'] as const,
  years: ['calendar', 'years'] as const,
  days: (from: string, to: string) => ['calendar', 'days', from, to] as const,
  add: (query: AddDaysQuery) => ['calendar', 'add', query] as const,
};

export function useCalendarYears() {
  return useQuery({ queryKey: calendarKeys.years, queryFn: () => unwrap(api.GET('/api/calendar/years')) });
}

/** Day infos for from..to (at most 400 days); pass null to fetch nothing. */
export function useCalendarDays(range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: calendarKeys.days(range?.from ?? '', range?.to ?? ''),
    queryFn: () => unwrap(api.GET('/api/calendar/days', { params: { query: { from: range!.from, to: range!.to } } })),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

export function useAddDays(query: AddDaysQuery | null) {
  return useQuery({
    queryKey: calendarKeys.add(query ?? { from: '', days: 0 }),
    queryFn: () => unwrap(api.GET('/api/calendar/add', { params: { query: query! } })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** After a load or removal every answer may change: days, sums and the unpublished-years notice. */
function useRefreshCalendar() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useLoadCalendarYear() {
  const onSuccess = useRefreshCalendar();
  return useMutation({
    mutationFn: (body: CalendarLoadBody) => unwrap(api.POST('/api/calendar/years', { body })),
    meta: { notifyErrors: false },
    onSuccess,
  });
}

export function useRemoveCalendarYear() {
  const onSuccess = useRefreshCalendar();
  return useMutation({
    mutationFn: (year: number) => unwrap(api.DELETE('/api/calendar/years/{year}', { params: { path: { year } } })),
    onSuccess,
  });
}
