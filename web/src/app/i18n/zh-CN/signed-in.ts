import { applications } from './applications';
import { audit } from './audit';
import { calendar } from './calendar';
import { catalog } from './catalog';
import { clients } from './clients';
import { imports } from './imports';
import { licences } from './licences';
import { obligations } from './obligations';
import { pages } from './pages';
import { platform } from './platform';
import { reminders } from './reminders';
import { settings } from './settings';
import { webhooks } from './webhooks';

/** The texts of the pages behind the login, loaded with the signed-in frame. */
export const signedInTexts = { ...pages, ...clients, ...applications, ...licences, ...obligations, ...settings, ...audit, ...catalog, ...calendar, ...platform, ...reminders, ...webhooks, ...imports };
