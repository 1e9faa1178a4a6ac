import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { NoContent, Nullable, withErrors } from '../../platform/http/schemas.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { actorOf } from '../auth/authenticate.ts';
import { calendarDaysBetween, describeMissingYears } from '../../domain/calendar/index.ts';
import * as service from './service.ts';
import { LoadBody, YearsResponse } from './schemas.ts';

const Localized = Type.Object({ zh: Type.String(), en: Type.String() });
const provisionality = {
  provisional: Type.Boolean({ description: 'True when the answer depends on a year with no official arrangement (computed with weekends only)' }),
  provisionalYears: Type.Array(Type.Integer()),
  provisionalReason: Nullable(Localized),
};
const DayInfo = Type.Object(
  {
    date: Type.String(),
    isWorkingDay: Type.Boolean(),
    kind: Type.Union([Type.Literal('workday'), Type.Literal('weekend'), Type.Literal('holiday'), Type.Literal('adjusted-workday')]),
    holidayName: Nullable(Localized),
    ...provisionality,
  },
  { $id: 'DayInfo', title: 'DayInfo' },
);
// The shape only: whether it is a real date within the calendar's range is checked by assertCalendarDate, naming the parameter.
const DateParam = (description: string) => Type.String({ description: `${description} (YYYY-MM-DD, China time)`, maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
/** The most days one /days request may return. */
export const maxDaysPerRequest = 400;

export async function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(DayInfo);
  const tags = ['calendar'];
  const cal = () => ctx.calendar.current();

  app.get(
    '/api/calendar/days',
    { schema: { tags, summary: `Day infos for a range of at most ${maxDaysPerRequest} days`, querystring: Type.Object({ from: DateParam('First day'), to: DateParam('Last day') }), response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Ref('DayInfo')), ...provisionality }) }) } },
    async (request) => {
      const { from, to } = request.query as { from: string; to: string };
      service.assertCalendarDate('from', from);
      service.assertCalendarDate('to', to);
      const length = calendarDaysBetween(from, to) + 1;
      if (length < 1) throw new AppError('VALIDATION_FAILED', { zh: 'to 不能早于 from', en: 'to must not be before from' }, [{ field: 'to', code: 'RANGE_REVERSED', message: { zh: '不能早于 from', en: 'must not be before from' } }]);
      if (length > maxDaysPerRequest) throw new AppError('VALIDATION_FAILED', { zh: `一次最多查询 ${maxDaysPerRequest} 天`, en: `At most ${maxDaysPerRequest} days per request` }, [{ field: 'to', code: 'RANGE_TOO_LONG', message: { zh: `范围超过 ${maxDaysPerRequest} 天`, en: `range longer than ${maxDaysPerRequest} days` } }]);
      const items = Array.from({ length }, (_, i) => cal().dayInfo(cal().addCalendarDays(from, i)));
      // The range as a whole is provisional when any of its days is.
      const years = [...new Set(items.flatMap((d) => d.provisionalYears))].sort((a, b) => a - b);
      const reason = years.length ? describeMissingYears(years, cal().knownYears()[0] ?? null) : null;
      return { items, provisional: years.length > 0, provisionalYears: years, provisionalReason: reason };
    },
  );

  app.get(
    '/api/calendar/add',
    {
      schema: {
        tags,
        summary: 'Add N working days (or calendar days) to a date',
        querystring: Type.Object({
          from: DateParam('Start date'),
          days: Type.Integer({ minimum: -100000, maximum: 100000, description: 'n > 0: n-th working day after; n < 0: before; 0: the date if working, else the next working day' }),
          unit: Type.Optional(Type.Union([Type.Literal('working'), Type.Literal('calendar')], { default: 'working' })),
        }),
        response: withErrors({ 200: Type.Object({ from: Type.String(), days: Type.Integer(), unit: Type.String(), date: Type.String(), ...provisionality }) }),
      },
    },
    async (request) => {
      const { from, days, unit = 'working' } = request.query as { from: string; days: number; unit?: 'working' | 'calendar' };
      service.assertCalendarDate('from', from);
      if (unit === 'calendar') {
        const date = service.computeWithin('days', () => cal().addCalendarDays(from, days));
        return { from, days, unit, date, provisional: false, provisionalYears: [], provisionalReason: null };
      }
      return { from, days, unit, ...service.computeWithin('days', () => cal().addWorkingDays(from, days)) };
    },
  );

  app.get(
    '/api/calendar/between',
    { schema: { tags, summary: 'Working days in the half-open range (from, to]; negative when to < from', querystring: Type.Object({ from: DateParam('From (excluded)'), to: DateParam('To (included)') }), response: withErrors({ 200: Type.Object({ from: Type.String(), to: Type.String(), days: Type.Integer(), ...provisionality }) }) } },
    async (request) => {
      const { from, to } = request.query as { from: string; to: string };
      service.assertCalendarDate('from', from);
      service.assertCalendarDate('to', to);
      return { from, to, ...cal().workingDaysBetween(from, to) };
    },
  );

  app.get(
    '/api/calendar/years',
    { schema: { tags, summary: 'Years with an official arrangement, and the years not yet published', response: withErrors({ 200: YearsResponse }) } },
    async () => service.listYears(ctx, { today: ctx.clock.today() }),
  );

  app.post(
    '/api/calendar/years',
    { config: { access: 'instance:operate' }, schema: { tags, summary: "Load or replace a year's official arrangement (operators only; takes effect at once for every organisation, and is audited in each)", body: LoadBody, response: withErrors({ 200: Type.Object({ year: Type.Integer(), days: Type.Integer(), replaced: Type.Boolean() }) }) } },
    async (request) => service.loadYear(ctx, actorOf(request), request.body as service.LoadYearInput),
  );

  app.delete(
    '/api/calendar/years/:year',
    { config: { access: 'instance:operate' }, schema: { tags, summary: 'Remove a loaded arrangement (operators only; built-in years stay)', params: Type.Object({ year: Type.Integer({ minimum: 1950, maximum: 2150 }) }), response: withErrors({ 204: NoContent }) } },
    async (request, reply) => {
      await service.unloadYear(ctx, actorOf(request), (request.params as { year: number }).year);
      return reply.status(204).send();
    },
  );
}
