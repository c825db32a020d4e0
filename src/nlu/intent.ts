// Recognises a user revealing a fabricated claim (恶意退款, docs/domain.md §2): used the key
// but wants to say it never arrived, editing screenshots, claiming a refund twice,
// faking or inflating evidence. Honest reports ("卡密显示已被使用，我没用过",
// "商家说我P图") must not fire, so every pattern needs the user's own intent.
import type { BadIntentKind } from '../i18n/zh-CN/nlu.js';
import { normalize } from './normalize.js';

export type { BadIntentKind };
export interface BadIntent {
  kind: BadIntentKind;
  match: string;
}

// "I (already) used / redeemed / received it".
const USED =
  '(?:我|自己)?(?:已经|都|早就|其实|明明)?(?:用了|用过了|用掉了|兑换了|兑换过了|充进去了|充上了|到账了|收到了|激活了|用完了|玩了|消费了)';
// "…but want to say it never came / demand a refund".
const CLAIM =
  '(?:说|说成|谎称|假装|咬定|就说|硬说|骗|告诉|跟)[^，。！？!?]{0,8}(?:没收到|没到账|没到|没发货|没发|无效|用不了|不能用|已被使用|被别人用了)';

const RULES: ReadonlyArray<readonly [BadIntentKind, RegExp]> = [
  [
    'used_but_claim_not_received',
    new RegExp(
      `${USED}[^。！？!?]{0,16}(?:但|可|可是|不过|然后|还|再|想|能不能|可不可以|怎么)[^。！？!?]{0,10}(?:${CLAIM})`,
    ),
  ],
  [
    'used_but_claim_not_received',
    /(?:能不能|可不可以|可以|怎么|教我|帮我)[^。！？!?]{0,6}(?:假装|谎称|骗[^，。]{0,4}说)[^。！？!?]{0,8}(?:没收到|没到账|没发货|无效|已被使用)/,
  ],
  [
    'used_but_claim_not_received',
    /(?:i (?:already )?(?:used|redeemed) (?:it|the (?:key|code))).{0,40}(?:say|claim|pretend).{0,20}(?:never (?:received|got)|not received|invalid)/,
  ],
  [
    'edit_screenshot',
    /(?:能不能|可不可以|可以|怎么|教我|帮我|帮忙|我想|我要|我打算|我准备|给我|要不要|我去|我先)[^。！？!?]{0,6}(?:p|ps|修|改|修改|编辑)[^。！？!?]{0,3}(?:一下|个|张|下)?[^。！？!?]{0,3}(?:截图|图|聊天记录|付款记录|转账记录|账单|订单)/,
  ],
  ['edit_screenshot', /(?:p|ps)(?:一下|个|张)?(?:截图|图)(?:吧|行吗|可以吗|能行吗|怎么样)|把[^。！？!?]{0,6}(?:截图|聊天记录|转账记录|付款记录|账单)[^。！？!?]{0,2}(?:p|ps|改|修改|编辑)(?:一下|成|掉|了)/],
  ['edit_screenshot', /(?:edit|photoshop|fake)\s+(?:the |a )?screenshot/],
  [
    'claim_twice',
    /(?:已经|之前|刚|上次)?(?:退过|退了|退款(?:已经)?到账了?|拿到(?:了)?退款|收到(?:了)?退款)[^。！？!?]{0,12}(?:再|又|还)(?:去)?(?:申请|退|要|投诉|申诉)[^。！？!?]{0,6}(?:一次|一遍|一笔|退款)?/,
  ],
  ['claim_twice', /两边都(?:申请|退|要)|(?:平台|支付宝|微信|银行)和(?:平台|支付宝|微信|银行)都(?:申请|要)(?:退款|一次)|退两次|退双份|重复申请退款(?:多拿|多退)/],
  ['claim_twice', /(?:already (?:got|received) (?:a |the |my )?refund).{0,60}(?:again|another|second)/],
  [
    'fake_evidence',
    /(?:伪造|编造|捏造|编个|编一个|做个假的?|弄个假的?|搞个假的?|假的?(?:聊天记录|转账记录|付款记录|证据|截图))[^。！？!?]{0,10}|(?:虚报|多报|谎报)(?:金额|损失)?|(?:实际|其实)(?:只|才)?(?:花了|付了|是)?[^，。]{0,8}(?:能不能|可不可以|可以)?(?:说成|写成|报成)/,
  ],
  ['fake_evidence', /(?:fake|forge|make up)\s+(?:the |a |some )?(?:evidence|chat|receipt|record)/],
];

// Honest reports that look like the patterns above.
const HONEST = /(?:商家|卖家|客服|对方|他|平台)(?:说|认为|怀疑|诬陷|污蔑)[^。！？!?]{0,6}(?:我|是)[^。！？!?]{0,6}(?:p|ps|伪造|假的|用过|用了|退过)|我没(?:有)?(?:用过|用|p|ps|改过|伪造)|没(?:有)?被?(?:p|ps|修改|改)过/;

/** The first sign of a fabricated claim, or undefined for honest messages. */
export function detectBadIntent(text: string): BadIntent | undefined {
  const s = normalize(text);
  for (const [kind, re] of RULES) {
    const m = re.exec(s);
    if (!m) continue;
    // "商家说我P图" / "我没用过" around the match: an accusation or a denial, not intent.
    const around = s.slice(Math.max(0, (m.index ?? 0) - 10), (m.index ?? 0) + m[0].length + 10);
    if (HONEST.test(around) && !/(?:能不能|可不可以|怎么|教我|帮我|我想|我要|假装|谎称)/.test(m[0])) continue;
    return { kind, match: m[0] };
  }
  return undefined;
}
