import { Type } from '@sinclair/typebox';
import { arrangementLimits as limits } from '../../domain/calendar/index.ts';
import { Nullable } from '../../platform/http/schemas.ts';
import { Text } from '../../platform/http/text.ts';

// Every limit comes from arrangementLimits, which the holiday-cn parser and the arrangement check apply too.
// The shape only: whether it is a real date in the year is the arrangement check's to say, naming the day.
const dayDate = Type.String({ maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const dayName = Text({ minLength: 1, maxLength: limits.nameMaxLength, description: 'Holiday name as in the notice, e.g. 春节' });
const papers = Type.Array(Text({ maxLength: limits.paperMaxLength }), { maxItems: limits.papersMaxItems, description: 'URLs of the notice' });
const daysDescription = `The notice's holidays and adjusted working days: at least ${limits.daysMinItems}, at most ${limits.daysMaxItems}`;

const ArrangementDay = Type.Object(
  { date: dayDate, isOffDay: Type.Boolean({ description: 'true: holiday (休); false: adjusted working day (班)' }), name: dayName },
  { additionalProperties: false },
);

/** A year's arrangement typed in LicenseDesk's shape. */
export const ArrangementInput = Type.Object(
  {
    year: Type.Integer(),
    source: Text({ minLength: 1, maxLength: limits.sourceMaxLength, description: 'The State Council notice (title and number)' }),
    papers,
    days: Type.Array(ArrangementDay, { maxItems: limits.daysMaxItems, description: daysDescription }),
  },
  { additionalProperties: false },
);

/** A file of the holiday-cn data set; other keys such as $schema are allowed, as the files carry them. */
export const HolidayCnInput = Type.Object(
  {
    year: Type.Integer(),
    papers,
    days: Type.Array(Type.Object({ name: dayName, date: dayDate, isOffDay: Type.Boolean() }, { additionalProperties: true }), { maxItems: limits.daysMaxItems, description: daysDescription }),
  },
  { additionalProperties: true, description: 'A file in the holiday-cn JSON format: { year, papers, days: [{ name, date, isOffDay }] }' },
);

export const LoadBody = Type.Object(
  { arrangement: Type.Optional(ArrangementInput), holidayCn: Type.Optional(HolidayCnInput) },
  { additionalProperties: false, title: 'CalendarLoad' },
);

const Localized = Type.Object({ zh: Type.String(), en: Type.String() });

export const YearRow = Type.Object({
  year: Type.Integer(),
  source: Type.String(),
  papers: Type.Array(Type.String()),
  days: Type.Integer(),
  origin: Type.Union([Type.Literal('builtin'), Type.Literal('loaded')]),
  hasBuiltin: Type.Boolean({ description: 'True when this release ships an arrangement for the year: removing a loaded one restores it; false: removal leaves the year on weekends only (provisional)' }),
  loadedAt: Nullable(Type.String()),
  loadedBy: Nullable(Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }, { description: 'The operator who loaded it; null for built-in years and for loads from the command line' })),
});

export const YearsResponse = Type.Object({ years: Type.Array(YearRow), unpublishedYears: Type.Array(Type.Integer()), notice: Nullable(Localized) });
