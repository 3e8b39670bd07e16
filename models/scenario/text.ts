/**
 * The text of a scenario file from its bytes: UTF-8 with or without a byte-order mark, and UTF-16
 * in either byte order (with a mark, or recognised by the zero bytes of its ASCII characters, as a
 * JSON file starts with `{` or white space). Editors on Windows save both.
 */
export function decodeScenarioBytes(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16le').decode(swapPairs(bytes.subarray(2)));
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return new TextDecoder('utf-16le').decode(swapPairs(bytes));
  // TextDecoder drops a UTF-8 byte-order mark.
  return new TextDecoder('utf-8').decode(bytes);
}

/** UTF-16BE bytes as UTF-16LE (not every TextDecoder has 'utf-16be'). */
function swapPairs(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length - (b.length % 2));
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1];
    out[i + 1] = b[i];
  }
  return out;
}
