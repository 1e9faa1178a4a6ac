import { audit } from './audit';
import { auth } from './auth';
import { calendar } from './calendar';
import { catalog } from './catalog';
import { clients } from './clients';
import { common } from './common';
import { pages } from './pages';
import { platform } from './platform';
import { settings } from './settings';

/** The Chinese texts; they define the keys every other language must provide. */
export const zhCN = { ...common, ...auth, ...pages, ...clients, ...settings, ...audit, ...catalog, ...calendar, ...platform };
