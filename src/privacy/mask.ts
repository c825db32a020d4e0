// Masking of identifiers. A card key is never stored whole: first 4 + last 4.

export function maskCardKey(key: string): string {
  const k = key.replace(/\s+/g, '');
  if (k.length <= 8) return `${k.slice(0, 2)}****`;
  return `${k.slice(0, 4)}****${k.slice(-4)}`;
}

const KEYISH = /(卡密|密码|激活码|兑换码|cdkey|key|卡号)\s*[:：为是]?\s*([A-Za-z0-9-]{8,64})/gi;

/**
 * Masks anything in free text that looks like a card key given with its label
 * (卡密：XXXX…), so a pasted key never reaches the database whole.
 */
export function maskSecretsInText(text: string): string {
  const labelled = text.replace(KEYISH, (_m, label: string, key: string) => `${label}：${maskCardKey(key)}`);
  // Unlabelled: a run of 12+ letters and digits with at least 3 of each looks like a key, not an
  // order number (those are digits, or a short prefix and digits) — unless the text says it is one.
  if (ORDER_WORDS.test(labelled)) return labelled;
  return labelled.replace(/(?<![A-Za-z0-9*])[A-Za-z0-9-]{12,64}(?![A-Za-z0-9*])/g, (run) => {
    const letters = (run.match(/[A-Za-z]/g) ?? []).length;
    const digits = (run.match(/\d/g) ?? []).length;
    return letters >= 3 && digits >= 3 ? maskCardKey(run) : run;
  });
}

const ORDER_WORDS = /订单|单号|流水号|交易号|order/i;
