// Finding the operator, the answer (issue 12 item 4; explore3 F7): what the user found — "名称：…",
// "地址：…", an ICP number, or a company name inside a sentence ("收款方写的是 杭州小鹿网络科技有限公司
// 地址不知道"). Anything that is no attempt at an answer (没用，看下一步, 算了, another command) leaves
// the finder for the routes after it; 返回 leaves the finder and shows the step again — the case
// stays on its rung.
import { button } from '../engine/choices.js';
import { matchCommand } from '../engine/commands.js';
import { ORDER, type Router } from '../engine/routes.js';
import { parseIcp, respondentFacts } from './respondent.js';
import { t } from './text.js';

interface Pending {
  caseId: number;
}

/** Words of someone answering the finder (a name, an address, a 备案 number), even when unreadable. */
const ATTEMPT = /名称|名字|全称|主体|收款方|商户|地址|住所|住址|公司|备案|ICP|[省市区县]\S*[路街号]/i;
/** The address said to be unknown. */
const NO_ADDRESS = /地址[^，。；\n]{0,4}(?:不知道|不清楚|查不到|没查到|没有|未知|找不到)|(?:不知道|没有|查不到)[^，。；\n]{0,2}地址/;

export function registerRespondentAnswer(router: Router, order: number, ns: string): void {
  // 返回 while the finder is open leaves the finder: the step again, not the rung before (before the built-in 返回).
  router.command(
    matchCommand,
    (ctx, cmd) => {
      const s = ctx.ext.get<Pending>(ns);
      const c = ctx.active;
      if (cmd.name !== 'back' || !s || !c || c.id !== s.caseId || c.status !== 'open' || c.state.stage !== 'ladder') return false;
      ctx.ext.set(ns, undefined);
      ctx.reply({ text: t('coach.respondent.left') });
      return ctx.stepCase(c, { type: 'repeat' });
    },
    { order: ORDER.BUILTIN - 1 },
  );
  router.pending<Pending>(
    ns,
    (ctx, s) => {
      const c = ctx.active;
      const cmd = ctx.choice ? undefined : matchCommand(ctx.text);
      if (ctx.choice || !c || c.id !== s.caseId || c.status !== 'open' || cmd) {
        if (ctx.choice?.kind !== 'coach' || ctx.choice.op !== 'rn') ctx.ext.set(ns, undefined);
        return false;
      }
      const found = readRespondent(ctx.text);
      if (!found.name && !found.address && !found.icp) {
        // Not an answer at all (没用，看下一步, 算了, a question): the finder steps aside.
        if (!ATTEMPT.test(ctx.text)) {
          ctx.ext.set(ns, undefined);
          return false;
        }
        return ctx.reply({ text: t('coach.respondent.unclear'), choices: [button({ kind: 'coach', op: 'rn' }, t('coach.respondent.none'))] });
      }
      ctx.ext.set(ns, undefined);
      const facts = respondentFacts(found);
      // A name already found stays when only an address or ICP number comes later.
      if (!found.name && typeof c.facts.respondentName === 'string') delete facts.respondentUnknown;
      const what = [
        found.name && t('coach.respondent.saved_name', { name: found.name }),
        found.address && t('coach.respondent.saved_address', { address: found.address }),
        found.icp && t('coach.respondent.saved_icp', { icp: found.icp }),
      ].filter(Boolean);
      const noAddress = found.name && !found.address && typeof c.facts.respondentAddress !== 'string';
      ctx.reply({ text: [t('coach.respondent.saved', { what: what.join('，') }), ...(noAddress ? [t('coach.respondent.no_address')] : [])].join('\n') });
      ctx.stepCase(c, { type: 'facts', facts });
      return true;
    },
    { order },
  );
}

/** A company's name inside a sentence: the run of name characters ending in 公司 (after 是/为/：). */
const COMPANY = /[\u4e00-\u9fa5（）()A-Za-z0-9·]{2,60}?(?:有限责任公司|股份有限公司|有限公司|公司)/g;

/** What the user found about the operator: "名称：…", "地址：…", an ICP number; a bare first line is the name. */
export function readRespondent(text: string): { name?: string; address?: string; icp?: string } {
  const icp = parseIcp(text);
  const lines = text
    .split(/[\n；;]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  let name: string | undefined;
  let address: string | undefined;
  for (const l of lines) {
    const m = /^(名称|名字|公司|主体|收款方|商户|全称|地址|住所|住址)(?:名称|全称|地址)?\s*[:：是为]\s*(.+)$/.exec(l);
    if (m && !NO_ADDRESS.test(l)) {
      if (/地址|住所|住址/.test(m[1])) address ??= m[2].trim().slice(0, 120);
      else name ??= m[2].trim().slice(0, 80);
      continue;
    }
    if (icp && l.includes(icp) && l.replace(/备案号?\s*[:：]?/, '').trim() === icp) continue;
    if (/^(备案|ICP)/i.test(l)) continue;
    if (!name && !address && /(公司|店|工作室|商行|个体|中心)$/.test(l)) name = l.slice(0, 80);
    else if (!address && !NO_ADDRESS.test(l) && /[省市区县路街号]/.test(l) && /\d/.test(l)) address = l.slice(0, 120);
    // "收款方写的是 杭州小鹿网络科技有限公司 地址不知道": the company inside the sentence.
    if (!name) {
      for (const c of l.matchAll(COMPANY)) {
        const cut = c[0].replace(/^.*(?:是|为|叫|写着|显示|[:：])/, '');
        if (cut.length >= 4) {
          name = cut.slice(0, 80);
          break;
        }
      }
    }
  }
  return { ...(name ? { name } : {}), ...(address ? { address } : {}), ...(icp ? { icp } : {}) };
}
