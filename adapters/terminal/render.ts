import { t } from '../../src/i18n/index.js';
import type { Reply } from '../../src/types.js';

/** A reply as terminal text: numbered choices, documents framed for copying. */
export function renderReply(r: Reply): string {
  const out = [r.text];
  if (r.document) out.push(t('terminal.document', { title: r.document.title }), r.document.body, t('terminal.document_end'));
  for (const f of r.files ?? []) out.push(t('terminal.file', { kind: t(`terminal.file.${f.kind}`) }));
  if (r.choices?.length) out.push(r.choices.map((c, i) => `  ${i + 1}. ${c.label}`).join('\n'));
  if (r.openPrivate) out.push(t('group.how_private'));
  return out.join('\n');
}
