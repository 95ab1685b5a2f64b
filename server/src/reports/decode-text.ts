// Tells UTF-8 (with or without BOM) from GB18030, as Excel saves CSV on Chinese Windows.
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: every byte sequence Excel writes in the Chinese code page is GB18030.
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}
