// The one place an inbound's user-written parts are cleaned before the engine sees them: text,
// display name and attachment names pass the card-key detector (the text also the 身份证号 one,
// src/privacy/personal.ts), so nothing downstream (cases, sessions, reports, the blacklist, the
// outbox, logs) can store a key or an ID number whole. Attachment refs are the platform's own ids
// and are kept as they are.
import type { Inbound } from '../types.js';
import { maskSecretsInText } from './mask.js';
import { maskIdCards } from './personal.js';

export function sanitizeInbound(i: Inbound): Inbound {
  const text = i.text === undefined ? undefined : maskIdCards(maskSecretsInText(i.text));
  const displayName = i.displayName === undefined ? undefined : maskSecretsInText(i.displayName);
  const attachments = i.attachments?.map((a) => (a.name === undefined ? a : { ...a, name: maskSecretsInText(a.name) }));
  if (text === i.text && displayName === i.displayName && attachments?.every((a, k) => a === i.attachments![k]) !== false) return i;
  return {
    ...i,
    ...(text !== undefined ? { text } : {}),
    ...(displayName !== undefined ? { displayName } : {}),
    ...(attachments ? { attachments } : {}),
  };
}
