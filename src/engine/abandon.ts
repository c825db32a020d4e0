// Leaving a case that is still being filled in: 重新开始, 取消, 退出, 不弄了, /cancel typed at an intake
// question are a wish to stop, never an answer (exploratory testing: they were stored as names).
import { t } from '../i18n/index.js';
import { button } from './choices.js';
import { ORDER, type Router } from './routes.js';
import { ENGINE_NS } from './session.js';

const ABANDON = /^(?:\/cancel|取消|退出|重新开始|重来|重新来|从头开始|我要重新填|重新填|不填了|不想填了|不弄了|不想弄了|算了不弄了|算了|不搞了|算了吧)[。.!！~～]*$/i;

/**
 * Giving up said in a sentence on the ladder ("不想搞了 太麻烦了 才150块 算了", "算了 不弄了", "放弃"): the
 * user's own wish, not what the other side said (商家说算了 is not this).
 */
const GIVE_UP = /(?:^|[\s，,。!！])(?:算了(?:吧)?|不弄了|不搞了|不想搞了|不想弄了|不想追了|不追了|放弃(?:了|吧)?|(?:我)?(?:也|都)?懒得(?:搞|弄|管|追|折腾)了?)(?=$|[\s，,。!！~～])/;
/** What the other side said ("卖家回复说 算了吧", "客服回我 算了"), a refusal to give up, or a sum (退了50 算了). */
const OTHER_SAID = /(?:商家|卖家|客服|对方|老板|平台|店家|他|她)(?:们)?(?:就)?(?:说|让|叫|要|回复|回我|回了|答复|原话)|回复说|原话/;
const NOT_GIVING_UP = /绝不|决不|不会|不能|凭什么|不可能|偏要|才不|不想算了|没那么容易|追到底/;
const A_SUM = /\d|[一二两三四五六七八九十百千]+\s*(?:块|元)/;
/** "算了 换成年卡我也能接受 不一定要退钱": settling for something else (a swap), not giving the case up (explore3 F31). */
const SETTLES = /接受|也行|也可以|不一定要?退/;

export function matchAbandon(text: string): { name: 'abandon'; loose?: boolean } | undefined {
  const s = text.trim();
  if (ABANDON.test(s)) return { name: 'abandon' };
  const loose = s.length <= 40 && GIVE_UP.test(s) && !OTHER_SAID.test(s) && !NOT_GIVING_UP.test(s) && !SETTLES.test(s) && !(A_SUM.test(s) && /退|还|返|到账/.test(s));
  return loose ? { name: 'abandon', loose: true } : undefined;
}

/** Only while the active case is in its intake; elsewhere the words go on to their usual readers. */
export function registerAbandon(router: Router): void {
  router.command(
    matchAbandon,
    (ctx, m) => {
      const c = ctx.active;
      if (!c || c.status !== 'open') return false;
      // On the ladder or at the checklist: 结案 as 放弃, confirmed once (the quickest rung is said).
      if ((c.state.stage === 'ladder' && !c.state.awaitingRefundAmount) || c.state.stage === 'evidence') {
        ctx.ext.set(ENGINE_NS, { mode: 'close_confirm', closeOutcome: 'abandoned' });
        return ctx.reply({
          text: t('abandon.ask_ladder', { id: c.id }),
          choices: [button({ kind: 'close', outcome: 'abandoned', sure: true }, t('abandon.yes')), button({ kind: 'menu', action: 'continue' }, t('abandon.no_ladder'))],
        });
      }
      if (c.state.stage !== 'intake' || m.loose) return false;
      // The close dialogue owns the answer: 放弃 closes the case as abandoned; 继续填写 asks the question again.
      ctx.ext.set(ENGINE_NS, { mode: 'close_confirm', closeOutcome: 'abandoned' });
      return ctx.reply({
        text: t('abandon.ask', { id: c.id }),
        choices: [button({ kind: 'close', outcome: 'abandoned', sure: true }, t('abandon.yes')), button({ kind: 'menu', action: 'continue' }, t('abandon.no'))],
      });
    },
    { order: ORDER.BUILTIN },
  );
}
