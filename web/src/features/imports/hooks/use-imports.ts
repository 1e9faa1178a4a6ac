import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiResult } from '../../../app/api';
import { useMe } from '../../../app/auth/auth-context';
import { uploadFile } from '../../../app/upload-file';
import { clientKeys } from '../../clients/hooks/use-clients';
import { licenceKeys } from '../../licenses/hooks/use-licences';
import { obligationKeys } from '../../obligations/hooks/obligation-keys';

export type ImportJob = ApiResult<'get', '/api/imports/{id}'>;
export type ImportKind = ImportJob['kind'];
export type ImportStatus = ImportJob['status'];
export type ImportField = ImportJob['fields'][number];
export type ImportReport = NonNullable<ImportJob['report']>;
export type RunOptions = Omit<ApiBody<'post', '/api/imports/{id}/run'>, 'version'>;

export const importKeys = {
  all: ['imports'] as const,
  recent: ['imports', 'recent'] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
};

/** Statuses in which the server is still working on the job: the page polls until it leaves them. */
export function isBusy(status: ImportStatus): boolean {
  return status === 'checking' || status === 'running';
}

const pollEveryMs = 800;

/** After an import wrote rows: the lists, details and figures that show them are stale. */
function refreshImported(queryClient: QueryClient): void {
  for (const key of [clientKeys.all, licenceKeys.all, obligationKeys.all, ['audit']]) void queryClient.invalidateQueries({ queryKey: key });
}

/** One import, polled while it is being checked or run; when it finishes writing, the lists it changed reload. */
export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: async () => {
      const job = await unwrap(api.GET('/api/imports/{id}', { params: { path: { id: id ?? '' } } }));
      const before = queryClient.getQueryData<ImportJob>(importKeys.detail(job.id));
      if (before && before.status !== job.status) {
        void queryClient.invalidateQueries({ queryKey: importKeys.recent });
        if (job.status === 'done') refreshImported(queryClient);
      }
      return job;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && isBusy(query.state.data.status) ? pollEveryMs : false),
    meta: { notifyErrors: false },
    retry: false,
    staleTime: 0,
  });
}

/** The organisation's 20 latest imports, newest first (every kind). */
export function useRecentImports() {
  return useQuery({
    queryKey: importKeys.recent,
    queryFn: async () => (await unwrap(api.GET('/api/imports'))).items,
    staleTime: 0,
  });
}

/** Keeps the job the server answered, so the page shows it at once, and lists it among the recent imports. */
function useStoreJob() {
  const queryClient = useQueryClient();
  return (job: ImportJob) => {
    queryClient.setQueryData(importKeys.detail(job.id), job);
    void queryClient.invalidateQueries({ queryKey: importKeys.recent });
  };
}

/** Sends the spreadsheet (multipart, field `file`); the caller shows a refusal beside the drop zone. */
export function useUploadImport(kind: ImportKind) {
  const me = useMe();
  const store = useStoreJob();
  return useMutation({
    mutationFn: (input: { file: File; onProgress: (percent: number) => void }) =>
      uploadFile<ImportJob>({ method: 'POST', url: `/api/imports?kind=${kind}`, csrfToken: me.csrfToken, ...input }),
    meta: { notifyErrors: false },
    onSuccess: store,
  });
}

/** Starts the check (a dry run) with the mapping the user confirmed. */
export function useCheckImport() {
  const store = useStoreJob();
  return useMutation({
    mutationFn: (input: { job: ImportJob; mapping: (string | null)[] }) =>
      unwrap(api.POST('/api/imports/{id}/check', { params: { path: { id: input.job.id } }, body: { version: input.job.version, mapping: input.mapping } })),
    onSuccess: store,
  });
}

/** Starts writing the checked rows. */
export function useRunImport() {
  const store = useStoreJob();
  return useMutation({
    mutationFn: (input: { job: ImportJob } & RunOptions) =>
      unwrap(api.POST('/api/imports/{id}/run', { params: { path: { id: input.job.id } }, body: { version: input.job.version, onDuplicate: input.onDuplicate, validOnly: input.validOnly } })),
    onSuccess: store,
  });
}

/** Plain same-origin links: the session cookie goes with them, and the server names the file. */
export function templateUrl(kind: ImportKind, format: 'xlsx' | 'csv'): string {
  return `/api/imports/templates/${kind}?format=${format}`;
}

export function errorReportUrl(id: string): string {
  return `/api/imports/${encodeURIComponent(id)}/error-report`;
}
