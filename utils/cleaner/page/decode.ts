/**
 * Turns saved page bytes into text the way a browser would for a file with no HTTP
 * headers: a byte-order mark first, then the charset the page declares in its first
 * kilobytes, then UTF-8. Russian sites still serve windows-1251.
 */
export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  // Both patterns read the first 4 KB only.
  const declared =
    // eslint-disable-next-line redos/no-vulnerable, regexp/no-super-linear-backtracking -- bounded input
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ??
    // eslint-disable-next-line redos/no-vulnerable -- bounded input
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared).encoding;
    } catch {
      // An unknown label falls through to UTF-8, as browsers do.
    }
  }
  return 'utf-8';
}

export function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder(sniffCharset(bytes)).decode(bytes);
}
