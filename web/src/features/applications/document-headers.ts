/** Reading the headers of a drafted document's answer; no imports, so the web tests run it in Node. */

/** The facts in x-document-missing: encodeURIComponent of a JSON array of strings; anything else reads as none. */
export function readMissingFacts(header: string | null): string[] {
  if (!header) return [];
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(header));
    return Array.isArray(parsed) ? parsed.filter((fact): fact is string => typeof fact === 'string') : [];
  } catch {
    return [];
  }
}

/** The UTF-8 name of an attachment (RFC 5987 `filename*`), else its plain `filename`, else the fallback. */
export function readFileName(header: string | null, fallback: string): string {
  const encoded = header && /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  return (header && /filename="([^"]+)"/i.exec(header)?.[1]) || fallback;
}
