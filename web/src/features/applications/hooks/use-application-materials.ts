import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiResult } from '../../../app/api';
import { useMe } from '../../../app/auth/auth-context';
import { uploadMaterialFile } from '../upload-material-file';
import { applicationKeys } from './use-applications';

export type MaterialItem = ApiResult<'get', '/api/applications/{id}/materials'>[number];
export type MaterialVersion = MaterialItem['versions'][number];
export type MaterialStatus = MaterialItem['status'];
export type ReviewBody = ApiBody<'post', '/api/applications/{id}/materials/{key}/review'>;

export function useApplicationMaterials(id: string) {
  return useQuery({
    queryKey: applicationKeys.materials(id),
    queryFn: () => unwrap(api.GET('/api/applications/{id}/materials', { params: { path: { id } } })),
    enabled: Boolean(id),
  });
}

/** Puts one item's new state into the checklist at once; the activity feed and the audit log reload. */
function useStoreItem(id: string) {
  const queryClient = useQueryClient();
  return (item: MaterialItem) => {
    queryClient.setQueryData<MaterialItem[]>(applicationKeys.materials(id), (items) => items?.map((m) => (m.key === item.key ? item : m)));
    void queryClient.invalidateQueries({ queryKey: applicationKeys.activity(id) });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** Uploads a file as an item's next version; errors are shown beside the item, not as a notification. */
export function useUploadMaterial(id: string) {
  const me = useMe();
  const store = useStoreItem(id);
  return useMutation({
    mutationFn: (input: { key: string; file: File; onProgress: (percent: number) => void }) =>
      uploadMaterialFile({ applicationId: id, csrfToken: me.csrfToken, ...input }),
    meta: { notifyErrors: false },
    onSuccess: store,
  });
}

export function useReviewMaterial(id: string) {
  const store = useStoreItem(id);
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: ReviewBody }) =>
      unwrap(api.POST('/api/applications/{id}/materials/{key}/review', { params: { path: { id, key } }, body })),
    meta: { notifyErrors: false },
    onSuccess: store,
  });
}

/** A plain same-origin link: the session cookie goes with it, and the server names the file. */
export function materialFileUrl(input: { applicationId: string; key: string; version: number }): string {
  return `/api/applications/${encodeURIComponent(input.applicationId)}/materials/${encodeURIComponent(input.key)}/file?version=${input.version}`;
}
