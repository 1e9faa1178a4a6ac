import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-calendar-years.ts';
import * as m0003 from './0003-org-settings.ts';
import * as m0004 from './0004-versions-and-instance-admin.ts';
import * as m0005 from './0005-auth-hardening.ts';
import * as m0006 from './0006-calendar-revision.ts';
import * as m0007 from './0007-identifiers-and-settings-version.ts';
import * as m0008 from './0008-list-indexes.ts';
import * as m0009 from './0009-org-counters.ts';
import * as m0010 from './0010-applications.ts';
import * as m0011 from './0011-materials.ts';
import * as m0012 from './0012-application-dates.ts';
import * as m0013 from './0013-custom-items.ts';
import * as m0014 from './0014-client-grams.ts';
import * as m0015 from './0015-application-due.ts';
import * as m0016 from './0016-application-search.ts';
import * as m0017 from './0017-licence-registry.ts';
import * as m0018 from './0018-licence-events.ts';
import * as m0019 from './0019-obligations.ts';
import * as m0020 from './0020-obligations-fewer-indexes.ts';
import * as m0021 from './0021-import-jobs.ts';

/** Every migration, in order. One set serves SQLite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-calendar-years': m0002,
  '0003-org-settings': m0003,
  '0004-versions-and-instance-admin': m0004,
  '0005-auth-hardening': m0005,
  '0006-calendar-revision': m0006,
  '0007-identifiers-and-settings-version': m0007,
  '0008-list-indexes': m0008,
  '0009-org-counters': m0009,
  '0010-applications': m0010,
  '0011-materials': m0011,
  '0012-application-dates': m0012,
  '0013-custom-items': m0013,
  '0014-client-grams': m0014,
  '0015-application-due': m0015,
  '0016-application-search': m0016,
  '0017-licence-registry': m0017,
  '0018-licence-events': m0018,
  '0019-obligations': m0019,
  '0020-obligations-fewer-indexes': m0020,
  '0021-import-jobs': m0021,
};
