/**
 * Annotation ids across formats. Sourcemark's ids are UUIDs; W3C Web Annotation ids are IRIs.
 * Ours go out as `urn:uuid:<id>` and come back unchanged; another tool's IRI (e.g.
 * `https://hypothes.is/a/AbC`) becomes a UUID derived from it, the same every time, so importing
 * the same file twice finds the same records instead of making duplicates. Pure.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Prefix of ids that are not UUIDs (older test data, hand-made files), so they still come back unchanged. */
const OWN_PREFIX = 'urn:sourcemark:annotation:';

/** The IRI of one of our annotations. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `${OWN_PREFIX}${encodeURIComponent(id)}`;
}

/**
 * 128 bits of a string's hash (four rounds of a multiply-xorshift mix, as in MurmurHash3's
 * finaliser). Not cryptographic: it only has to spread the ids one person imports.
 */
function hash128(text: string): [number, number, number, number] {
  let h1 = 0x9e3779b9;
  let h2 = 0x243f6a88;
  let h3 = 0xb7e15162;
  let h4 = 0x85a308d3;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A UUID (version 8, "custom") derived from any string: the same string, the same UUID. */
export function uuidFromString(text: string): string {
  const hex = hash128(text)
    .map((n) => n.toString(16).padStart(8, '0'))
    .join('');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Our id for an annotation IRI: ours back unchanged, another tool's mapped to a stable UUID. */
export function idFromIri(iri: string): string {
  if (/^urn:uuid:/i.test(iri) && UUID.test(iri.slice(9))) return iri.slice(9);
  if (iri.startsWith(OWN_PREFIX)) {
    try {
      return decodeURIComponent(iri.slice(OWN_PREFIX.length));
    } catch {
      // A malformed escape: not one we wrote, so treat it like any foreign IRI.
    }
  }
  return uuidFromString(iri);
}
