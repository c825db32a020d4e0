// Telegram HTML parse mode: only <, > and & need escaping outside tags.
// https://core.telegram.org/bots/api#html-style

/** Escapes text so Telegram shows it literally in parse_mode HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
