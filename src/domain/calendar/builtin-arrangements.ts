import type { YearArrangement } from './types.ts';
import y2004 from './data/2004.json' with { type: 'json' };
import y2005 from './data/2005.json' with { type: 'json' };
import y2006 from './data/2006.json' with { type: 'json' };
import y2007 from './data/2007.json' with { type: 'json' };
import y2008 from './data/2008.json' with { type: 'json' };
import y2009 from './data/2009.json' with { type: 'json' };
import y2010 from './data/2010.json' with { type: 'json' };
import y2011 from './data/2011.json' with { type: 'json' };
import y2012 from './data/2012.json' with { type: 'json' };
import y2013 from './data/2013.json' with { type: 'json' };
import y2014 from './data/2014.json' with { type: 'json' };
import y2015 from './data/2015.json' with { type: 'json' };
import y2016 from './data/2016.json' with { type: 'json' };
import y2017 from './data/2017.json' with { type: 'json' };
import y2018 from './data/2018.json' with { type: 'json' };
import y2019 from './data/2019.json' with { type: 'json' };
import y2020 from './data/2020.json' with { type: 'json' };
import y2021 from './data/2021.json' with { type: 'json' };
import y2022 from './data/2022.json' with { type: 'json' };
import y2023 from './data/2023.json' with { type: 'json' };
import y2024 from './data/2024.json' with { type: 'json' };
import y2025 from './data/2025.json' with { type: 'json' };
import y2026 from './data/2026.json' with { type: 'json' };

/**
 * The official State Council arrangements shipped with LicenseDesk, 2004–2026, one per year.
 * Regenerate the JSON files with scripts/import-holiday-data.ts; sources and licences are in data/README.md.
 */
export const builtinArrangements: YearArrangement[] = [
  y2004,
  y2005,
  y2006,
  y2007,
  y2008,
  y2009,
  y2010,
  y2011,
  y2012,
  y2013,
  y2014,
  y2015,
  y2016,
  y2017,
  y2018,
  y2019,
  y2020,
  y2021,
  y2022,
  y2023,
  y2024,
  y2025,
  y2026,
];
