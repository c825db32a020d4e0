// Personal numbers in a report's text are masked before anyone (the admin included) sees them:
// mobile numbers, and QQ / WeChat numbers written with their label. Card keys: src/privacy/mask.ts.
import { maskSecretsInText } from '../privacy/mask.js';

const PHONE = /(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;
const LABELLED = /(qq|扣扣|微信|vx|wx|wechat|电话|手机|手机号)(\s*(?:号|号码)?\s*[:：是为]?\s*)([A-Za-z0-9_-]{5,20})/gi;

export function maskPersonal(text: string): string {
  return maskSecretsInText(text)
    .replace(PHONE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(LABELLED, (_m, label: string, sep: string, v: string) => `${label}${sep}${v.slice(0, 2)}****${v.length > 6 ? v.slice(-2) : ''}`);
}
