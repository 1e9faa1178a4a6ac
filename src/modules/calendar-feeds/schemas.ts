import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../../platform/http/schemas.ts';

/** Whose obligations a feed carries. */
export const feedScopes = ['user', 'organisation'] as const;
export type FeedScope = (typeof feedScopes)[number];

const FeedScopeSchema = Type.Union(
  feedScopes.map((s) => Type.Literal(s)),
  { description: 'user: the obligations assigned to me (a client user: my company’s); organisation: every obligation of the organisation (owner, admin, staff)' },
);

export const CalendarFeedCreate = Type.Object({ scope: FeedScopeSchema }, { additionalProperties: false, title: 'CalendarFeedCreate' });
export type CalendarFeedCreate = Static<typeof CalendarFeedCreate>;

export const CalendarFeed = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    scope: FeedScopeSchema,
    createdAt: Type.String(),
    lastUsedAt: Nullable(Type.String({ description: 'When a calendar last fetched it (to the minute)' })),
  },
  { $id: 'CalendarFeed', title: 'CalendarFeed' },
);
export type CalendarFeed = Static<typeof CalendarFeed>;

export const CalendarFeedCreated = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    scope: FeedScopeSchema,
    path: Type.String({ description: 'The subscription address without the host: /api/calendar-feeds/<token>.ics. Shown once; it is the only key to the feed' }),
    url: Type.String({ description: 'The full subscription address, on the host this request reached' }),
    createdAt: Type.String(),
  },
  { title: 'CalendarFeedCreated' },
);
export type CalendarFeedCreated = Static<typeof CalendarFeedCreated>;

/** A feed token: 32 random bytes, base64url. */
export const feedTokenPattern = '^[A-Za-z0-9_-]{43}$';

export const FeedTokenParams = Type.Object({ token: Type.String({ pattern: feedTokenPattern, description: 'The token from the subscription address' }) });
