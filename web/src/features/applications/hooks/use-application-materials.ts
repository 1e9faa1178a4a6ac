import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiResult } from '../../../app/api';
import { useMe } from '../../../app/auth/auth-context';
import { fetchDocument } from '../fetch-document';
import { uploadMaterialFile } from '../upload-material-file';
import { applicationKeys } from './use-applications';

export type MaterialItem = ApiResult<'get', '/api/applications/{id}/materials'>[number];
export type MaterialVersion = MaterialItem['versions'][number];
export type MaterialStatus = MaterialItem['status'];
export type ReviewBody = ApiBody<'post', '/api/applications/{id}/materials/{key}/review'>;
export type CustomItemBody = ApiBody<'post', '/api/applications/{id}/materials'>;

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

/** After a write that answers no item (a removal, a generated document): the checklist reloads, with the activity and audit log. */
function useReloadChecklist(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: applicationKeys.materials(id) });
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

/** Adds an item of the agency's own to the checklist (key custom-…); it goes to the end of the list. */
export function useAddCustomItem(id: string) {
  const queryClient = useQueryClient();
  const reload = useReloadChecklist(id);
  return useMutation({
    mutationFn: (body: CustomItemBody) => unwrap(api.POST('/api/applications/{id}/materials', { params: { path: { id } }, body })),
    meta: { notifyErrors: false },
    onSuccess: (item) => {
      queryClient.setQueryData<MaterialItem[]>(applicationKeys.materials(id), (items) => (items ? [...items, item] : items));
      reload();
    },
  });
}

/** Removes a custom item; the server refuses (409 ITEM_HAS_FILES) once a file has been uploaded for it. */
export function useRemoveCustomItem(id: string) {
  const reload = useReloadChecklist(id);
  return useMutation({
    mutationFn: (key: string) => unwrap(api.DELETE('/api/applications/{id}/materials/{key}', { params: { path: { id, key } } })),
    onSettled: reload,
  });
}

/** Drafts a generated item's next version (stored by the server); answers the facts it still had to leave blank. */
export function useGenerateDocument(id: string) {
  const reload = useReloadChecklist(id);
  return useMutation({
    mutationFn: async (key: string) => (await fetchDocument({ applicationId: id, key })).missing,
    meta: { notifyErrors: false },
    onSettled: reload,
  });
}

/** A plain same-origin link: the session cookie goes with it, and the server names the file. */
export function materialFileUrl(input: { applicationId: string; key: string; version: number }): string {
  return `/api/applications/${encodeURIComponent(input.applicationId)}/materials/${encodeURIComponent(input.key)}/file?version=${input.version}`;
}

/** The submission package (ZIP): a plain link, so the browser streams it to disk with the session cookie. */
export function packageUrl(applicationId: string): string {
  return `/api/applications/${encodeURIComponent(applicationId)}/package`;
}
