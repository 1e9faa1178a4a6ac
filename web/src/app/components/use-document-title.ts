import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Browser tab title: "<page> · LicenseDesk 许可证管家", so many open tabs stay tellable apart. */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const product = t('common.productName');
  useEffect(() => {
    document.title = page ? `${page} · ${product}` : product;
  }, [page, product]);
}
