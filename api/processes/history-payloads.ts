// A Temporal history as people read it: each event's attributes with their payloads decoded
// (json/plain as the value it carries), and ID numbers and phones masked for roles that may not
// see them. The same walk re-encodes a masked copy for download, so it stays a history that
// Temporal's tools and Worker.runReplayHistory read.
import { maskIdNumber, maskPhone } from '../pii/mask.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

/** Anywhere in a text (a reason, a comment): not part of a longer number. */
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const PII_KEYS = /^(id_?number|phone|mobile)$/i;

const fromBase64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');
const toBase64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function isPayload(value: Json): value is { metadata: Record<string, string>; data?: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof value.metadata === 'object' &&
    value.metadata !== null &&
    !Array.isArray(value.metadata) &&
    typeof (value.metadata as Record<string, Json>).encoding === 'string'
  );
}

/** A payload's value: JSON as itself, null as null, anything else named by its encoding and size. */
export function decodePayload(payload: JsonPayload): Json {
  const encoding = fromBase64(payload.metadata?.encoding ?? '');
  if (encoding === 'binary/null') return null;
  const data = payload.data ? fromBase64(payload.data) : '';
  if (encoding === 'json/plain') {
    try {
      return JSON.parse(data) as Json;
    } catch {
      return data;
    }
  }
  return `[${encoding || 'binary'}，${Buffer.byteLength(data)} 字节]`;
}

/** ID numbers and mobile numbers anywhere in a value, by shape or by field name. */
export function maskPersonalData(value: Json, key = ''): Json {
  if (typeof value === 'string') {
    if (PII_KEYS.test(key)) return value.length === 18 ? maskIdNumber(value) : maskPhone(value);
    return value.replace(ID_NUMBER, maskIdNumber).replace(MOBILE, maskPhone);
  }
  if (typeof value === 'number' && PII_KEYS.test(key)) return maskPhone(String(value));
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPersonalData(v, k)]));
  return value;
}

/** Every payload in `value` replaced by what `fn` makes of it. */
function mapPayloads(value: Json, fn: (payload: { metadata: Record<string, string>; data?: string }) => Json): Json {
  if (isPayload(value)) return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapPayloads(v, fn));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapPayloads(v, fn)]));
  return value;
}

/** An event's attributes (the one `…EventAttributes` field) with its payloads decoded. */
export function eventAttributes(event: Record<string, Json>, masked: boolean): Json {
  const key = Object.keys(event).find((k) => k.endsWith('EventAttributes'));
  if (!key) return null;
  const decoded = mapPayloads(event[key], decodePayload);
  return masked ? maskPersonalData(decoded) : decoded;
}

/** The history with the personal data in its json/plain payloads masked, still encoded as Temporal keeps it. */
export function maskedHistory(history: Json): Json {
  return mapPayloads(history, (payload) => {
    if (fromBase64(payload.metadata.encoding ?? '') !== 'json/plain' || !payload.data) return payload;
    const value = decodePayload(payload);
    return { ...payload, data: toBase64(JSON.stringify(maskPersonalData(value))) };
  });
}

export type { Json };
