import type { ImportJob } from './hooks/use-imports';

/** The wizard's four steps, in order. */
export const importSteps = ['upload', 'mapping', 'report', 'run'] as const;
export type ImportStep = (typeof importSteps)[number];

/**
 * The step a job is at. A failed job with a report failed while importing (a check clears the report when it starts);
 * without one, its check failed. `editingMapping`: the user went back from the report to change the columns.
 */
export function stepOf(job: Pick<ImportJob, 'status' | 'report'> | null | undefined, editingMapping: boolean): ImportStep {
  if (!job) return 'upload';
  switch (job.status) {
    case 'uploaded':
    case 'checking':
      return 'mapping';
    case 'checked':
      return editingMapping ? 'mapping' : 'report';
    case 'running':
    case 'done':
      return 'run';
    case 'failed':
      return job.report && !editingMapping ? 'run' : 'mapping';
  }
}

/** Where a kind's import page and list live (the licence pages keep the app's /licenses spelling). */
export const importPaths = {
  clients: { page: '/clients/import', list: '/clients' },
  licences: { page: '/licenses/import', list: '/licenses' },
} as const satisfies Record<ImportJob['kind'], { page: string; list: string }>;

/** 12.3 KB, 4.5 MB: the size of an uploaded file. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
