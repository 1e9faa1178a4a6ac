import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type ApiResult } from '../../../app/api';

export type Province = ApiResult<'get', '/api/meta/provinces'>['items'][number];

export function useProvinces() {
  return useQuery({
    queryKey: ['meta', 'provinces'],
    queryFn: () => unwrap(api.GET('/api/meta/provinces')),
    staleTime: Infinity,
    select: (data) => data.items,
  });
}

/** Province name in the UI language, e.g. 北京市 / Beijing; the code itself if unknown. */
export function useProvinceName(): (code: string | null | undefined) => string {
  const { data } = useProvinces();
  const { i18n } = useTranslation();
  return (code) => {
    if (!code) return '';
    const province = data?.find((p) => p.code === code);
    if (!province) return code;
    return i18n.language === 'en-US' ? province.en : province.zh;
  };
}

export function useProvinceOptions(): { value: string; label: string }[] {
  const { data } = useProvinces();
  const { i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  return (data ?? []).map((p) => ({ value: p.code, label: english ? `${p.en} (${p.zh})` : `${p.zh}（${p.abbr}）` }));
}
