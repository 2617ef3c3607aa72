/** Download names, shared by every file the API or S3 serves and by the SPA that saves them. */

/**
 * Content-Disposition that keeps a file's name (RFC 6266 with RFC 5987): an ASCII fallback
 * for old clients, then the name itself in UTF-8, so «Протокол_пресконференції.pdf» arrives
 * under that name. Quotes, backslashes, path separators and controls never reach the header.
 */
export const contentDisposition = (filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string => {
  const safe = filename.replace(/[\u0000-\u001f\u007f"\\/]/g, '_');
  const fallback = safe.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_');
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
};

/** The file name a Content-Disposition header carries (its UTF-8 form first). */
export const filenameFromDisposition = (header: string): string | undefined => {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1];
};
